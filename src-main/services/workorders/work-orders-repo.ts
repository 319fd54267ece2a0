import type { Db } from '../db/database';
import type { Outbox } from '../sync/outbox';
import type { ServiceRecoveryWarning, TeamUpdate, WorkOrderSummary } from '../../../src-shared/domain/screen-pop';

export interface NewWorkOrder {
  externalId: string;
  /** The id every desktop and the team server know it by (filed work orders; imported ones have none). */
  uuid?: string | null;
  customerId: number | null;
  kind: WorkOrderSummary['kind'];
  complaintType: string | null;
  severity: WorkOrderSummary['severity'];
  summary: string;
  createdAt: number;
  dueAt: number | null;
  actor: string;
  /** What the form holds beyond the columns (why-tags, resolution, callback, route, linked call). */
  data?: object;
  /** The queue of the call it was filed on (the customer's queue, for the reports per queue), capped at 64. */
  callQueue?: string | null;
}

export interface ListedWorkOrder extends WorkOrderSummary {
  customerName: string | null;
  /** The specialist queue it is routed to, and who took it (team server). */
  queue: string | null;
  assignee: string | null;
}

interface Row {
  id: number;
  external_id: string;
  kind: WorkOrderSummary['kind'];
  complaint_type: string | null;
  severity: WorkOrderSummary['severity'];
  status: WorkOrderSummary['status'];
  summary: string;
  created_at: number;
  due_at: number | null;
}

const toSummary = (r: Row): WorkOrderSummary => ({
  id: r.external_id,
  kind: r.kind,
  complaintType: r.complaint_type,
  severity: r.severity,
  status: r.status,
  summary: r.summary,
  createdAt: r.created_at,
  dueAt: r.due_at,
});

const RECOVERY_WINDOW_MS = 90 * 24 * 3600 * 1000;
const LOW_CSAT = 2;

/**
 * Work orders and their append-only history. Every change writes an event in the same transaction, which takes
 * the write lock first (IMMEDIATE): one that read first could not turn into a write after an import committed in
 * between (SQLite answers that at once with SQLITE_BUSY instead of waiting).
 * Give it a connection opened with synchronous=FULL: an acknowledged work order must survive a power cut.
 */
export class WorkOrdersRepo {
  private readonly insertOrder;
  private readonly insertEvent;
  readonly openForCustomer;
  readonly failedRecovery;
  private readonly byExternalId;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now, private readonly outbox: Outbox | null = null) {
    this.insertOrder = db.prepare(`
      INSERT INTO work_orders (external_id, uuid, customer_id, kind, complaint_type, severity, summary, data, created_at, updated_at, due_at, created_by, call_queue)
      VALUES (@externalId, @uuid, @customerId, @kind, @complaintType, @severity, @summary, @data, @createdAt, @createdAt, @dueAt, @actor, @callQueue)
      RETURNING id`);
    this.insertEvent = db.prepare<[number, number, string, string, string]>(
      'INSERT INTO work_order_events (work_order_id, at, kind, actor, data) VALUES (?, ?, ?, ?, ?)',
    );
    this.openForCustomer = db.prepare<[number], Row>(`
      SELECT id, external_id, kind, complaint_type, severity, status, summary, created_at, due_at FROM work_orders
      WHERE customer_id = ? AND status IN ('open', 'in_progress') ORDER BY created_at DESC LIMIT 20`);
    this.failedRecovery = db.prepare<[number, number, number], { external_id: string; reopened_count: number; csat: number | null; updated_at: number }>(`
      SELECT external_id, reopened_count, csat, updated_at FROM work_orders
      WHERE customer_id = ? AND kind = 'complaint' AND created_at >= ? AND (reopened_count > 0 OR csat <= ?)
      ORDER BY created_at DESC LIMIT 1`);
    this.byExternalId = db.prepare<[string], { id: number }>('SELECT id FROM work_orders WHERE external_id = ?');
  }

  /** The stored CSAT and external id of a work order (read back after rating). */
  csatOf(id: number): { externalId: string; csat: number | null } | null {
    const row = this.db.prepare<[number], { external_id: string; csat: number | null }>('SELECT external_id, csat FROM work_orders WHERE id = ?').get(id);
    return row ? { externalId: row.external_id, csat: row.csat } : null;
  }

  /** Row id and status by external id, for moving a work order along. */
  statusOf(externalId: string): { id: number; status: WorkOrderSummary['status'] } | null {
    return this.db.prepare<[string], { id: number; status: WorkOrderSummary['status'] }>('SELECT id, status FROM work_orders WHERE external_id = ?').get(externalId) ?? null;
  }

  idOf(externalId: string): number | null {
    return this.byExternalId.get(externalId)?.id ?? null;
  }

  create(order: NewWorkOrder): number {
    return this.db.transaction(() => {
      const { data, ...columns } = order;
      const { id } = this.insertOrder.get({ uuid: null, ...columns, callQueue: columns.callQueue?.slice(0, 64) ?? null, data: JSON.stringify(data ?? {}) }) as { id: number };
      this.insertEvent.run(id, order.createdAt, 'created', order.actor, JSON.stringify({ severity: order.severity }));
      return id;
    }).immediate();
  }

  setStatus(id: number, status: WorkOrderSummary['status'], actor: string): void {
    this.db.transaction(() => {
      const base = this.share(id);
      this.change(id, actor, 'status', { status }, 'UPDATE work_orders SET status = ?, version = version + 1, updated_at = ? WHERE id = ?', [status]);
      if (base) this.outbox!.add(base.uuid, { kind: 'workOrder.setStatus', id: base.uuid, status, baseVersion: base.version, note: '' });
    }).immediate();
  }

  /** The customer came back: the fix did not hold. */
  reopen(id: number, actor: string, reason: string): void {
    this.db.transaction(() => {
      const base = this.share(id);
      this.change(id, actor, 'reopened', { reason },
        "UPDATE work_orders SET status = 'open', reopened_count = reopened_count + 1, version = version + 1, updated_at = ? WHERE id = ?", []);
      if (base) this.outbox!.add(base.uuid, { kind: 'workOrder.setStatus', id: base.uuid, status: 'open', baseVersion: base.version, note: reason.slice(0, 2000) });
    }).immediate();
  }

  /** A specialist takes a work order from her queue: hers, in progress. */
  claim(id: number, actor: string): void {
    this.db.transaction(() => {
      const base = this.share(id);
      this.change(id, actor, 'claimed', { assignee: actor },
        "UPDATE work_orders SET assignee = ?, status = CASE status WHEN 'open' THEN 'in_progress' ELSE status END, version = version + 1, updated_at = ? WHERE id = ?", [actor]);
      if (base) this.outbox!.add(base.uuid, { kind: 'workOrder.claim', id: base.uuid, baseVersion: base.version });
    }).immediate();
  }

  /** A team lead gives it to a member of her team, or puts it back in a queue with nobody on it. */
  assign(id: number, actor: string, to: { assignee: string } | { queue: string }): void {
    this.db.transaction(() => {
      const base = this.share(id);
      if ('assignee' in to) {
        this.change(id, actor, 'assigned', to, 'UPDATE work_orders SET assignee = ?, version = version + 1, updated_at = ? WHERE id = ?', [to.assignee]);
      } else {
        this.change(id, actor, 'assigned', to, 'UPDATE work_orders SET assignee = NULL, queue = ?, version = version + 1, updated_at = ? WHERE id = ?', [to.queue]);
      }
      if (base) this.outbox!.add(base.uuid, { kind: 'workOrder.assign', id: base.uuid, ...to, baseVersion: base.version });
    }).immediate();
  }

  /** The uuid and version the team server knows, when this desktop syncs and the row is shared. */
  private share(id: number): { uuid: string; version: number } | null {
    if (!this.outbox?.enabled) return null;
    const row = this.db.prepare<[number], { uuid: string | null; version: number }>('SELECT uuid, version FROM work_orders WHERE id = ?').get(id);
    return row?.uuid ? { uuid: row.uuid, version: row.version } : null;
  }

  /** CSAT recorded at follow-up, 1 (very unhappy) to 5. */
  rate(id: number, csat: number, actor: string): void {
    if (!Number.isInteger(csat) || csat < 1 || csat > 5) throw new Error('CSAT must be a whole number from 1 to 5');
    this.change(id, actor, 'rated', { csat }, 'UPDATE work_orders SET csat = ?, version = version + 1, updated_at = ? WHERE id = ?', [csat]);
  }

  /**
   * The work-order list: the given statuses, the nearest deadline first (no deadline last); with queues, only
   * what is routed to those specialist queues (a specialist's own work view).
   */
  list(statuses: readonly WorkOrderSummary['status'][], limit = 100, queues: readonly string[] | null = null): ListedWorkOrder[] {
    const rows = this.db
      .prepare<[string, number, string, number], Row & { customer_name: string | null; queue: string | null; assignee: string | null }>(`
        SELECT w.id, w.external_id, w.kind, w.complaint_type, w.severity, w.status, w.summary, w.created_at, w.due_at,
          coalesce(c.name, json_extract(w.data, '$.customer.name')) AS customer_name, w.queue, w.assignee
        FROM work_orders w LEFT JOIN customers c ON c.id = w.customer_id
        WHERE w.status IN (SELECT value FROM json_each(?)) AND (? = 0 OR w.queue IN (SELECT value FROM json_each(?)))
        ORDER BY w.due_at IS NULL, w.due_at, w.id DESC LIMIT ?`)
      .all(JSON.stringify(statuses), queues === null ? 0 : 1, JSON.stringify(queues ?? []), limit);
    return rows.map((r) => ({ ...toSummary(r), customerName: r.customer_name, queue: r.queue, assignee: r.assignee }));
  }

  openFor(customerId: number): WorkOrderSummary[] {
    return this.openForCustomer.all(customerId).map(toSummary);
  }

  /**
   * What teammates last did on this customer's work orders in the last 30 days (events that came from the team
   * server), so the agent who filed a complaint sees on the next pop what the specialist did.
   */
  teamUpdatesFor(customerId: number): TeamUpdate[] {
    return this.db
      .prepare<[number, number], TeamUpdate>(`
        SELECT w.external_id AS workOrderId, w.status, e.kind, e.actor AS "by", e.at
        FROM work_orders w JOIN work_order_events e ON e.id = (
          SELECT max(id) FROM work_order_events WHERE work_order_id = w.id AND server_id IS NOT NULL)
        WHERE w.customer_id = ? AND e.at >= ? ORDER BY e.at DESC LIMIT 5`)
      .all(customerId, this.now() - 30 * 24 * 3600 * 1000);
  }

  /** A complaint of the last 90 days that was reopened or rated low, if any. */
  failedRecoveryFor(customerId: number): ServiceRecoveryWarning | null {
    const row = this.failedRecovery.get(customerId, this.now() - RECOVERY_WINDOW_MS, LOW_CSAT);
    if (!row) return null;
    return {
      workOrderId: row.external_id,
      reason: row.reopened_count > 0 ? 'reopened' : 'low-rating',
      csat: row.csat,
      at: row.updated_at,
    };
  }

  private change(id: number, actor: string, kind: string, data: object, sql: string, params: unknown[]): void {
    this.db.transaction(() => {
      const at = this.now();
      const result = this.db.prepare(sql).run(...params, at, id);
      if (result.changes !== 1) throw new Error(`work order ${id} does not exist`);
      this.insertEvent.run(id, at, kind, actor, JSON.stringify(data));
    }).immediate();
  }
}
