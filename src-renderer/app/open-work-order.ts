import { newWorkOrder, WORK_ORDER_FIRST_FIELD_ID } from '../features/work-order';
import { useLayout } from './layout-store';

/** A new complaint work order prefilled from the call on screen, opened with its first field focused. */
export function openNewWorkOrder(): void {
  newWorkOrder();
  useLayout.getState().show('work-order');
  requestAnimationFrame(() => document.getElementById(WORK_ORDER_FIRST_FIELD_ID)?.focus());
}
