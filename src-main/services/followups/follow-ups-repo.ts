import type { Db } from '../db/database';
import type { Outbox } from '../sync/outbox';
import type { FollowUpTask } from '../../../src-shared/replies/service-recovery';
import type { FollowUpReminder } from '../../../src-shared/domain/follow-up';

export interface FollowUp {
  id: number;
  /** The id every desktop and the team server know it by (null for one kept on this desktop only). */
  uuid?: string | null;
  /** Who promised it; null: this desktop's agent. */
  owner?: string | null;
  kind: 'callback' | 'follow-up';
  customerId: number | null;
  workOrderId: number | null;
  number: string | null;
  dueAt: number;
  windowEnd: number | null;
  note: string;
}

interface Row {
  id: number;
  kind: FollowUp['kind'];
  customer_id: number | null;
  work_order_id: number | null;
  number: string | null;
  due_at: number;
  window_end: number | null;
  note: string;
}

const toFollowUp = (r: Row): FollowUp => ({
  id: r.id,
  kind: r.kind,
  customerId: r.customer_id,
  workOrderId: r.work_order_id,
  number: r.number,
  dueAt: r.due_at,
  windowEnd: r.window_end,
  note: r.note,
});

/** Callbacks promised and follow-ups planned (service recovery step 4), each with its due time. */
export class FollowUpsRepo {
  private readonly insert;
  private readonly dueBy;
  private readonly complete;
  private readonly workOrderId;
  private readonly dueWithNames;
  private readonly byId;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now, private readonly outbox: Outbox | null = null) {
    this.insert = db.prepare(`
      INSERT INTO follow_ups (kind, customer_id, work_order_id, number, due_at, window_end, note, created_at, uuid, owner)
      VALUES (@kind, @customerId, @workOrderId, @number, @dueAt, @windowEnd, @note, @createdAt, @uuid, @owner) RETURNING id`);
    this.dueBy = db.prepare<[number], Row>(
      "SELECT id, kind, customer_id, work_order_id, number, due_at, window_end, note FROM follow_ups WHERE status = 'pending' AND due_at <= ? ORDER BY due_at",
    );
    this.complete = db.prepare<[number, number]>("UPDATE follow_ups SET status = 'done', done_at = ? WHERE id = ? AND status = 'pending'");
    this.workOrderId = db.prepare<[string], { id: number }>('SELECT id FROM work_orders WHERE external_id = ?');
    this.dueWithNames = db.prepare<[number, string], FollowUpReminder>(`
      SELECT f.id, f.kind, coalesce(c.name, json_extract(w.data, '$.customer.name')) AS customerName, f.number, w.external_id AS workOrderId, f.due_at AS dueAt,
        f.window_end AS windowEnd, f.note
      FROM follow_ups f LEFT JOIN customers c ON c.id = f.customer_id LEFT JOIN work_orders w ON w.id = f.work_order_id
      WHERE f.status = 'pending' AND f.due_at <= ? AND (f.owner IS NULL OR f.owner = ? OR f.queue = 'team') ORDER BY f.due_at LIMIT 50`);
    this.byId = db.prepare<[number], Row>(
      'SELECT id, kind, customer_id, work_order_id, number, due_at, window_end, note FROM follow_ups WHERE id = ?',
    );
  }

  /** Stores the follow-up the service-recovery guide created. */
  addRecoveryFollowUp(task: FollowUpTask): number {
    const workOrderId = task.workOrderId ? (this.workOrderId.get(task.workOrderId)?.id ?? null) : null;
    const { id } = this.insert.get({
      kind: 'follow-up',
      customerId: task.customerId,
      workOrderId,
      number: null,
      dueAt: task.dueAt,
      windowEnd: null,
      note: task.note,
      createdAt: this.now(),
      uuid: null,
      owner: null,
    }) as { id: number };
    return id;
  }

  /** A promised callback (number and time window) or a planned follow-up, for a work order just filed. */
  add(item: Omit<FollowUp, 'id'>): number {
    const { id } = this.insert.get({ uuid: null, owner: null, ...item, createdAt: this.now() }) as { id: number };
    return id;
  }

  /** Pending follow-ups and callbacks due by now (or the given time), earliest first. */
  due(at = this.now()): FollowUp[] {
    return this.dueBy.all(at).map(toFollowUp);
  }

  /**
   * What the reminder tray shows: due items with the customer's name and the work order's id — this agent's own
   * and those that fell to the team's callback queue, never a teammate's own.
   */
  dueReminders(at = this.now(), me = ''): FollowUpReminder[] {
    return this.dueWithNames.all(at, me);
  }

  get(id: number): FollowUp | null {
    const row = this.byId.get(id);
    return row ? toFollowUp(row) : null;
  }

  /** Done, with the customer's CSAT when one was asked; shared with the team when the follow-up is. */
  markDone(id: number, csat: number | null = null): boolean {
    return this.db.transaction(() => {
      const done = this.complete.run(this.now(), id).changes === 1;
      const uuid = this.db.prepare<[number], { uuid: string | null }>('SELECT uuid FROM follow_ups WHERE id = ?').get(id)?.uuid;
      if (done && uuid && this.outbox) this.outbox.add(uuid, { kind: 'followUp.complete', id: uuid, csat });
      return done;
    })();
  }
}
