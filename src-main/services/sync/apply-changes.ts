import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { Change, ServerContact, ServerFollowUp, ServerWorkOrder, ServerWorkOrderEvent } from '../../../src-shared/sync/contract';
import { localCustomerId } from './customer-ref';
import type { Outbox } from './outbox';

/**
 * Brings what the team changed into the local working copy, in one transaction with the new cursor. A row with a
 * local change still in the outbox is left as it is: the server's answer to that change comes in a later pull.
 */
export class ChangeApplier {
  constructor(private readonly db: Db, private readonly outbox: Outbox, private readonly me: () => string) {}

  apply(changes: Change[], saveCursor: () => void): { workOrders: string[] } {
    const touched: string[] = [];
    this.db.transaction(() => {
      for (const c of changes) {
        if (c.entity === 'workOrder') {
          if (this.workOrder(c.data)) touched.push(c.data.id);
        } else if (c.entity === 'workOrderGone') {
          if (this.gone(c.data.id)) touched.push(c.data.id);
        } else if (c.entity === 'workOrderEvent') this.event(c.data);
        else if (c.entity === 'followUp') this.followUp(c.data);
        else this.contact(c.data);
      }
      saveCursor();
    }).immediate();
    return { workOrders: touched };
  }

  private workOrder(w: ServerWorkOrder): boolean {
    if (this.outbox.hasPendingFor(w.id)) return false;
    const existing = prepared<[string], { id: number }>(this.db, 'SELECT id FROM work_orders WHERE uuid = ?').get(w.id);
    if (existing) {
      prepared(this.db, `UPDATE work_orders SET status = ?, severity = ?, complaint_type = ?, summary = ?, due_at = ?, reopened_count = ?, csat = ?,
          queue = ?, assignee = ?, version = ?, updated_at = ? WHERE id = ?`)
        .run(w.status, w.severity, w.complaintType, w.summary, w.dueAt, w.reopenedCount, w.csat, w.queue, w.assignee, w.version, w.updatedAt, existing.id);
      return true;
    }
    // A teammate's work order: its display id may collide with one of ours, so it is made unique with its uuid.
    const taken = prepared<[string], { n: number }>(this.db, 'SELECT count(*) AS n FROM work_orders WHERE external_id = ?').get(w.displayId)!.n > 0;
    const externalId = taken ? `${w.displayId}-${w.id.slice(0, 4).toUpperCase()}` : w.displayId;
    prepared(this.db, `INSERT INTO work_orders (external_id, uuid, customer_id, kind, complaint_type, severity, status, reopened_count, csat, summary, data,
        created_at, updated_at, due_at, version, queue, assignee, created_by, call_queue)
      VALUES (?, ?, ?, 'complaint', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(externalId, w.id, localCustomerId(this.db, w.customer), w.complaintType, w.severity, w.status, w.reopenedCount, w.csat, w.summary,
        JSON.stringify({ ...w.details, customer: w.customer, route: w.route }), w.createdAt, w.updatedAt, w.dueAt, w.version, w.queue, w.assignee, w.createdBy,
        w.callQueue?.slice(0, 64) ?? null);
    return true;
  }

  /**
   * One she may no longer see is taken off this desktop (its history goes with it; a follow-up keeps its call,
   * without the work order), so no stale copy is worked on. A change of hers still queued waits for its answer.
   */
  private gone(id: string): boolean {
    if (this.outbox.hasPendingFor(id)) return false;
    return prepared(this.db, 'DELETE FROM work_orders WHERE uuid = ?').run(id).changes > 0;
  }

  private event(e: ServerWorkOrderEvent): void {
    // What this agent did here is already in the local history, written with the change itself.
    if (e.actor === this.me()) return;
    const order = prepared<[string], { id: number }>(this.db, 'SELECT id FROM work_orders WHERE uuid = ?').get(e.workOrderId);
    if (!order) return;
    prepared(this.db, 'INSERT OR IGNORE INTO work_order_events (work_order_id, at, kind, actor, data, server_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(order.id, e.at, e.kind, e.actor, JSON.stringify(e.data), e.id);
  }

  private followUp(f: ServerFollowUp): void {
    if (this.outbox.hasPendingFor(f.id)) return;
    const owner = f.owner === this.me() ? null : f.owner;
    const existing = prepared<[string], { id: number }>(this.db, 'SELECT id FROM follow_ups WHERE uuid = ?').get(f.id);
    const status = f.status;
    if (existing) {
      prepared(this.db, "UPDATE follow_ups SET status = ?, queue = ?, owner = ?, due_at = ?, window_end = ?, done_at = CASE WHEN ? = 'pending' THEN NULL ELSE coalesce(done_at, ?) END WHERE id = ?")
        .run(status, f.queue, owner, f.dueAt, f.windowEnd, status, Date.now(), existing.id);
      return;
    }
    const order = f.workOrderId ? prepared<[string], { id: number; customer_id: number | null }>(this.db, 'SELECT id, customer_id FROM work_orders WHERE uuid = ?').get(f.workOrderId) : undefined;
    prepared(this.db, `INSERT INTO follow_ups (kind, customer_id, work_order_id, number, due_at, window_end, note, status, created_at, uuid, owner, queue)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(f.kind, order?.customer_id ?? null, order?.id ?? null, f.number, f.dueAt, f.windowEnd, f.note, status, Date.now(), f.id, owner, f.queue);
  }

  private contact(c: ServerContact): void {
    if (prepared<[string], { n: number }>(this.db, 'SELECT count(*) AS n FROM contacts WHERE uuid = ?').get(c.id)!.n > 0) return;
    // The Call-ID (checked by the contract) lets this desktop link a teammate's call to its own recording.
    prepared(this.db, `INSERT INTO contacts (external_id, uuid, customer_id, started_at, direction, number, queue, duration_s, hold_s, disposition, agent, pbx_call_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(`team:${c.id}`, c.id, localCustomerId(this.db, c.customer), c.startedAt, c.direction, c.customer.number ?? '', c.queue, c.durationS, c.holdS, c.disposition, c.agent,
        c.pbxCallId ?? null);
  }
}
