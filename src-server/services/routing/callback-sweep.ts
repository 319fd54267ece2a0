import type { Pool } from 'pg';
import { announceFeed, appendToFeed } from '../../db/repos/feed';
import { inTransaction } from '../../db/tx';

const DUE = `FROM follow_ups f LEFT JOIN sign_ins s ON s.user_id = f.owner_id
  WHERE f.status = 'pending' AND f.queue = 'owner' AND f.kind = 'callback' AND f.due_at <= now()
    AND (s.user_id IS NULL OR NOT s.signed_in OR s.last_seen < now() - make_interval(secs => $1))`;

/**
 * A promised callback belongs to the agent who promised it while she is on shift; when it comes due and she is
 * signed out, or her desktop has not been seen for a while, it falls to her team's callback queue. Any number of
 * server processes may sweep at once: SKIP LOCKED hands each due callback to one of them. Locks are taken in the
 * push's order, the team rows (in team order) before any follow-up: a push holds its team and then may lock a
 * follow-up, so a sweep holding a follow-up while waiting for the team would deadlock with it.
 */
export async function sweepDueCallbacks(pool: Pool, offlineAfterSeconds: number): Promise<number> {
  return inTransaction(pool, async (tx) => {
    const teams = (await tx.query<{ team_id: number }>(`SELECT DISTINCT f.team_id ${DUE}`, [offlineAfterSeconds])).rows.map((r) => r.team_id);
    if (teams.length === 0) return 0;
    await tx.query('SELECT id FROM teams WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE', [teams]);
    const due = await tx.query<{ id: string; team_id: number }>(
      `SELECT f.id, f.team_id ${DUE} AND f.team_id = ANY($2) ORDER BY f.team_id, f.due_at LIMIT 200 FOR UPDATE OF f SKIP LOCKED`,
      [offlineAfterSeconds, teams],
    );
    for (const f of due.rows) {
      const seq = await appendToFeed(tx, f.team_id, 'followUp', f.id);
      await tx.query("UPDATE follow_ups SET queue = 'team', version = version + 1, feed_seq = $2 WHERE id = $1", [f.id, seq]);
    }
    for (const team of new Set(due.rows.map((f) => f.team_id))) await announceFeed(tx, team);
    return due.rowCount ?? 0;
  });
}
