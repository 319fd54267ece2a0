import type { Pool } from 'pg';
import type { PullResponse, TeamDesktop } from '../../../src-shared/sync/contract';
import { HttpError } from '../../http-error';
import { policy, type Viewer } from '../auth/policy';
import { readFeedPage, visibleChanges } from './feed-page';

/**
 * What changed for a desktop since its cursor: the team's feed in order, each row in its current state, only
 * what the policy lets this person see. The cursor moves past what she may not see, so it is never re-read.
 */
export class PullService {
  constructor(private readonly pool: Pool) {}

  async pull(v: Viewer, after: number, limit: number, clientId: string | undefined, waiting?: number): Promise<PullResponse> {
    if (v.teamId === null) throw new HttpError(403, 'FORBIDDEN', 'Only team members sync work: this account has no team.');
    const teamId = v.teamId;
    // One statement, so one snapshot: what the desktop reports holding (written only when it changed, or to refresh
    // an old report: most pulls report the same and write nothing), how far its own changes are applied, and
    // whether the feed has anything after its cursor. Most pulls find nothing new and end here: one round trip.
    const probe = (await this.pool.query<{ last_seq: string | null; next: string | null }>(
      `WITH reported AS (
         UPDATE sync_clients SET waiting = $5, reported_at = now()
         WHERE $5::int IS NOT NULL AND client_id = $3 AND user_id = $4
           AND (waiting <> $5 OR reported_at IS NULL OR reported_at < now() - interval '30 seconds')
       )
       SELECT (SELECT last_seq FROM sync_clients WHERE client_id = $3 AND user_id = $4) AS last_seq,
              (SELECT seq FROM feed WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT 1) AS next`,
      [teamId, after, clientId ?? null, v.userId, clientId ? (waiting ?? null) : null],
    )).rows[0]!;
    const lastSeq = (row: { last_seq: string | null } | undefined) => (clientId ? Number(row?.last_seq ?? 0) : null);
    if (probe.next === null) return { changes: [], cursor: after, more: false, clientLastSeq: lastSeq(probe) };

    // One snapshot for the feed and the rows it names.
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const page = await readFeedPage(db, teamId, after, limit);
      const clientLastSeq = clientId
        ? lastSeq((await db.query<{ last_seq: string }>('SELECT last_seq FROM sync_clients WHERE client_id = $1 AND user_id = $2', [clientId, v.userId])).rows[0])
        : null;
      await db.query('COMMIT');

      return { changes: visibleChanges(v, page), cursor: page.cursor, more: page.more, clientLastSeq };
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      db.release();
    }
  }

  /** The team lead's view: each desktop of her team, what it still holds and when it was last heard from. */
  async desktops(v: Viewer): Promise<TeamDesktop[]> {
    if (!policy.canSeeDesktops(v) || v.teamId === null) throw new HttpError(403, 'FORBIDDEN', 'Only the team lead sees the team\'s desktops.');
    const r = await this.pool.query<{ username: string; display_name: string; waiting: number; reported_at: Date | null; signed_in: boolean | null; last_seen: Date | null }>(
      `SELECT u.username, u.display_name, coalesce(sum(c.waiting), 0)::int AS waiting, max(c.reported_at) AS reported_at, s.signed_in, s.last_seen
       FROM users u LEFT JOIN sync_clients c ON c.user_id = u.id LEFT JOIN sign_ins s ON s.user_id = u.id
       WHERE u.team_id = $1 AND NOT u.disabled GROUP BY u.id, s.signed_in, s.last_seen ORDER BY u.username`,
      [v.teamId],
    );
    return r.rows.map((x) => ({
      username: x.username,
      displayName: x.display_name,
      waiting: x.waiting,
      reportedAt: x.reported_at?.getTime() ?? null,
      signedIn: x.signed_in ?? false,
      lastSeen: x.last_seen?.getTime() ?? null,
    }));
  }
}
