import type { ServerContact, ServerFollowUp, ServerWorkOrder, ServerWorkOrderEvent } from '../../../src-shared/sync/contract';

/** Row ↔ contract mappers for the team's work; every SELECT of these tables uses the column lists here. */
export const WORK_ORDER_COLUMNS = `w.id, w.display_id, w.team_id, w.customer, w.complaint_type, w.severity, w.status, w.route, w.queue,
  w.assignee_id, a.username AS assignee, w.created_by, c.username AS created_by_name, w.summary, w.details, w.created_at, w.updated_at,
  w.due_at, w.reopened_count, w.csat, w.version, w.call_queue`;
export const WORK_ORDER_FROM = 'work_orders w LEFT JOIN users a ON a.id = w.assignee_id JOIN users c ON c.id = w.created_by';

export interface WorkOrderRow {
  id: string;
  display_id: string;
  team_id: number;
  customer: ServerWorkOrder['customer'];
  complaint_type: string | null;
  severity: ServerWorkOrder['severity'];
  status: ServerWorkOrder['status'];
  route: ServerWorkOrder['route'];
  queue: string | null;
  assignee_id: number | null;
  assignee: string | null;
  created_by: number;
  created_by_name: string;
  summary: string;
  details: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  due_at: Date;
  reopened_count: number;
  csat: number | null;
  version: number;
  call_queue: string | null;
}

export const toWorkOrder = (r: WorkOrderRow): ServerWorkOrder => ({
  id: r.id,
  displayId: r.display_id,
  teamId: r.team_id,
  customer: r.customer,
  complaintType: r.complaint_type,
  severity: r.severity,
  status: r.status,
  route: r.route,
  queue: r.queue,
  assignee: r.assignee,
  createdBy: r.created_by_name,
  summary: r.summary,
  details: r.details,
  createdAt: r.created_at.getTime(),
  updatedAt: r.updated_at.getTime(),
  dueAt: r.due_at.getTime(),
  reopenedCount: r.reopened_count,
  csat: r.csat,
  version: r.version,
  callQueue: r.call_queue,
});

export const scopeOf = (r: WorkOrderRow) => ({ teamId: r.team_id, queue: r.queue, assigneeId: r.assignee_id, createdBy: r.created_by });

export const EVENT_COLUMNS = 'e.id, e.work_order_id, e.at, e.kind, e.actor, e.data';
export interface EventRow {
  id: string;
  work_order_id: string;
  at: Date;
  kind: string;
  actor: string;
  data: Record<string, unknown>;
}
export const toEvent = (r: EventRow): ServerWorkOrderEvent => ({
  id: Number(r.id),
  workOrderId: r.work_order_id,
  at: r.at.getTime(),
  kind: r.kind,
  actor: r.actor,
  data: r.data,
});

export const FOLLOW_UP_COLUMNS = `f.id, f.team_id, f.work_order_id, f.kind, o.username AS owner, f.queue, f.number, f.due_at, f.window_end,
  f.note, f.status, f.csat, f.version`;
export const FOLLOW_UP_FROM = 'follow_ups f JOIN users o ON o.id = f.owner_id';
export interface FollowUpRow {
  id: string;
  team_id: number;
  work_order_id: string | null;
  kind: ServerFollowUp['kind'];
  owner: string;
  queue: ServerFollowUp['queue'];
  number: string | null;
  due_at: Date;
  window_end: Date | null;
  note: string;
  status: ServerFollowUp['status'];
  csat: number | null;
  version: number;
}
export const toFollowUp = (r: FollowUpRow): ServerFollowUp => ({
  id: r.id,
  teamId: r.team_id,
  workOrderId: r.work_order_id,
  kind: r.kind,
  owner: r.owner,
  queue: r.queue,
  number: r.number,
  dueAt: r.due_at.getTime(),
  windowEnd: r.window_end?.getTime() ?? null,
  note: r.note,
  status: r.status,
  csat: r.csat,
  version: r.version,
});

export const CONTACT_COLUMNS = `k.id, k.team_id, u.username AS agent, k.started_at, k.direction, k.customer, k.queue, k.duration_s, k.hold_s, k.disposition, k.pbx_call_id`;
export const CONTACT_FROM = 'contacts k JOIN users u ON u.id = k.agent_id';
export interface ContactRow {
  id: string;
  team_id: number;
  agent: string;
  started_at: Date;
  direction: ServerContact['direction'];
  customer: ServerContact['customer'];
  queue: string | null;
  duration_s: number;
  hold_s: number;
  disposition: string | null;
  pbx_call_id: string | null;
}
export const toContact = (r: ContactRow): ServerContact => ({
  id: r.id,
  teamId: r.team_id,
  agent: r.agent,
  startedAt: r.started_at.getTime(),
  direction: r.direction,
  customer: r.customer,
  queue: r.queue,
  durationS: r.duration_s,
  holdS: r.hold_s,
  disposition: r.disposition,
  ...(r.pbx_call_id ? { pbxCallId: r.pbx_call_id } : {}),
});
