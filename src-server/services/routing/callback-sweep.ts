import type { Pool } from 'pg';
import { announceFeed, appendToFeed } from '../../db/repos/feed';
import { inTransaction } from '../../db/tx';

/**
 * A promised callback belongs to the agent who promised it while she is on shift; when it comes due and she is
 * signed out, or her desktop has not been seen for a while, it falls to her team's callback queue. Any number of
 * server processes may sweep at once: SKIP LOCKED hands each due callback to one of them, and team rows are taken
 * in team order so two sweeps never wait on each other in a circle.
 */
export async function sweepDueCallbacks(pool: Pool, offlineAfterSeconds: number): Promise<number> {
  return inTransaction(pool, async (tx) => {
    const due = await tx.query<{ id: string; team_id: number }>(
      `SELECT f.id, f.team_id FROM follow_ups f LEFT JOIN sign_ins s ON s.user_id = f.owner_id
       WHERE f.status = 'pending' AND f.queue = 'owner' AND f.kind = 'callback' AND f.due_at <= now()
         AND (s.user_id IS NULL OR NOT s.signed_in OR s.last_seen < now() - make_interval(secs => $1))
       ORDER BY f.team_id, f.due_at LIMIT 200 FOR UPDATE OF f SKIP LOCKED`,
      [offlineAfterSeconds],
    );
    for (const f of due.rows) {
      const seq = await appendToFeed(tx, f.team_id, 'followUp', f.id);
      await tx.query("UPDATE follow_ups SET queue = 'team', version = version + 1, feed_seq = $2 WHERE id = $1", [f.id, seq]);
    }
    for (const team of new Set(due.rows.map((f) => f.team_id))) await announceFeed(tx, team);
    return due.rowCount ?? 0;
  });
}
