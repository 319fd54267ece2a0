import { create } from 'zustand';
import type { WorkOrderStatus } from '../../../src-shared/domain/screen-pop';
import type { ResponseOf } from '../../../src-shared/contract';
import { DEFAULT_SLA_HOURS, type SlaHours } from '../../../src-shared/workorders/complaint';
import { WorkOrderDraft } from '../../../src-shared/workorders/work-order-form';
import type { z } from 'zod';
import type { ShownError } from '../../i18n/main-error-text';

export type SaveState = 'idle' | 'pending' | 'saved' | 'failed' | 'restored';
export type Status = z.infer<typeof WorkOrderStatus>;
export type ListedWorkOrder = ResponseOf<'listWorkOrders'>['workOrders'][number];

export interface WorkOrderState {
  draft: WorkOrderDraft;
  errors: Record<string, string>;
  saveState: SaveState;
  savedAt: number | null;
  slaHours: SlaHours;
  filed: { id: string; dueAt: number } | null;
  list: ListedWorkOrder[];
  filter: Status[];
  /** 'queues': a specialist's view of the queues she serves. */
  scope: 'all' | 'queues';
  /** Why the last status change from the list was refused, shown above the list. */
  moveError: { id: string; error: ShownError } | null;
  set(partial: Partial<Omit<WorkOrderState, 'set'>>): void;
}

export const emptyDraft = (): WorkOrderDraft => WorkOrderDraft.parse({});

export const useWorkOrder = create<WorkOrderState>((set) => ({
  draft: emptyDraft(),
  errors: {},
  saveState: 'idle',
  savedAt: null,
  slaHours: DEFAULT_SLA_HOURS,
  filed: null,
  list: [],
  moveError: null,
  filter: ['open', 'in_progress'],
  scope: 'all',
  set: (partial) => set(partial),
}));
