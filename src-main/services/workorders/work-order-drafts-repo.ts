import type { Db } from '../db/database';
import { WorkOrderDraft } from '../../../src-shared/workorders/work-order-form';

/**
 * The work-order form as the agent types it, one draft per agent, replaced on every save. Give it the
 * synchronous=FULL connection: a killed app (or a power cut) loses nothing saved.
 */
export class WorkOrderDraftsRepo {
  private readonly upsert;
  private readonly byAgent;
  private readonly remove;

  constructor(db: Db, private readonly now: () => number = Date.now) {
    this.upsert = db.prepare<[string, string, number]>(`
      INSERT INTO work_order_drafts (agent, data, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (agent) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`);
    this.byAgent = db.prepare<[string], { data: string; updated_at: number }>('SELECT data, updated_at FROM work_order_drafts WHERE agent = ?');
    this.remove = db.prepare<[string]>('DELETE FROM work_order_drafts WHERE agent = ?');
  }

  /**
   * A sensitive field keeps no more than is filed (the last 4 characters of an ID number) and a card number nothing
   * at all: the whole number is never written to disk, where a draft may lie for days, and four digits restored into
   * the card field would only fail its check; she reads the card again.
   */
  save(agent: string, draft: WorkOrderDraft): number {
    const at = this.now();
    this.upsert.run(agent, JSON.stringify({ ...draft, idNumber: draft.idNumber.slice(-4), cardNumber: '' }), at);
    return at;
  }

  /** The saved draft, checked against the schema again (an older app version may have written it). */
  load(agent: string): { draft: WorkOrderDraft; savedAt: number } | null {
    const row = this.byAgent.get(agent);
    if (!row) return null;
    const parsed = WorkOrderDraft.safeParse(JSON.parse(row.data));
    return parsed.success ? { draft: parsed.data, savedAt: row.updated_at } : null;
  }

  discard(agent: string): void {
    this.remove.run(agent);
  }
}
