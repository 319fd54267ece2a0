export { WorkOrderForm, WORK_ORDER_FIRST_FIELD_ID } from './WorkOrderForm';
export { WorkOrderList } from './WorkOrderList';
export { flushDraft, newWorkOrder, restoreWorkOrderDraft } from './actions';
export { useWorkOrder } from './store';
