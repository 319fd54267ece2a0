import type { Db } from '../db/database';

/**
 * kb_feedback: the agent's "this article helped" marks, kept for reporting which articles answer real calls.
 * The call is linked through its contacts row (external id "call:<callId>", written by the CallRecorder).
 */
export class KbFeedbackRepo {
  private readonly insert;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {
    this.insert = db.prepare<[string | null, number, number, string]>(`
      INSERT INTO kb_feedback (article_id, contact_id, helped, at)
      SELECT a.id, (SELECT c.id FROM contacts c WHERE c.external_id = ?), ?, ? FROM kb_articles a WHERE a.external_id = ?`);
  }

  /** Returns false when the article is not in the cache (nothing is stored then). */
  mark(articleExternalId: string, callId: string | null, helped: boolean): boolean {
    const contactKey = callId === null ? null : `call:${callId}`;
    return this.insert.run(contactKey, helped ? 1 : 0, this.now(), articleExternalId).changes === 1;
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
