import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { Outbox } from '../sync/outbox';

/**
 * kb_feedback: the agent's "this article helped" marks, kept for reporting which articles answer real calls.
 * The call is linked through its contacts row (external id "call:<callId>", written by the CallRecorder). With a
 * team server, each mark also goes into the outbox in the same transaction, for the floor's reports.
 */
export class KbFeedbackRepo {
  private readonly insert;
  private readonly contactUuid;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now, private readonly outbox: Outbox | null = null) {
    this.insert = db.prepare<[string | null, number, number, string]>(`
      INSERT INTO kb_feedback (article_id, contact_id, helped, at)
      SELECT a.id, (SELECT c.id FROM contacts c WHERE c.external_id = ?), ?, ? FROM kb_articles a WHERE a.external_id = ?`);
    this.contactUuid = db.prepare<[string], { uuid: string | null }>('SELECT uuid FROM contacts WHERE external_id = ?');
  }

  /** Returns false when the article is not in the cache (nothing is stored then, nor sent). */
  mark(articleExternalId: string, callId: string | null, helped: boolean): boolean {
    const contactKey = callId === null ? null : `call:${callId}`;
    return this.db.transaction(() => {
      const at = this.now();
      if (this.insert.run(contactKey, helped ? 1 : 0, at, articleExternalId).changes !== 1) return false;
      const contactId = contactKey === null ? null : (this.contactUuid.get(contactKey)?.uuid ?? null);
      this.outbox?.add(`kb:${articleExternalId}`, { kind: 'kb.helped', id: randomUUID(), articleId: articleExternalId, contactId, helped, at });
      return true;
    })();
  }

  /** Marks per article (helped, not helped), the shape a report reads. */
  tally(articleExternalId: string): { helped: number; notHelped: number } {
    const row = this.db
      .prepare<[string], { helped: number | null; total: number }>(
        `SELECT sum(f.helped) AS helped, count(*) AS total FROM kb_feedback f JOIN kb_articles a ON a.id = f.article_id
         WHERE a.external_id = ?`,
      )
      .get(articleExternalId)!;
    return { helped: row.helped ?? 0, notHelped: row.total - (row.helped ?? 0) };
  }
}
