import type { Pool } from 'pg';
import type { Change, PullResponse, TeamDesktop } from '../../../src-shared/sync/contract';
import type { FeedEntity } from '../../db/repos/feed';
import {
  CONTACT_COLUMNS, CONTACT_FROM, EVENT_COLUMNS, FOLLOW_UP_COLUMNS, FOLLOW_UP_FROM, WORK_ORDER_COLUMNS, WORK_ORDER_FROM,
  scopeOf, toContact, toEvent, toFollowUp, toWorkOrder,
  type ContactRow, type EventRow, type FollowUpRow, type WorkOrderRow,
} from '../../db/repos/work-rows';
import { HttpError } from '../../http-error';
import { policy, type Viewer } from '../auth/policy';

/**
 * What changed for a desktop since its cursor: the team's feed in order, each row in its current state, only
 * what the policy lets this person see. The cursor moves past what she may not see, so it is never re-read.
 */
export class PullService {
  constructor(private readonly pool: Pool) {}

  async pull(v: Viewer, after: number, limit: number, clientId: string | undefined, waiting?: number): Promise<PullResponse> {
    if (v.teamId === null) throw new HttpError(403, 'FORBIDDEN', 'Only team members sync work: this account has no team.');
    const teamId = v.teamId;
    if (clientId && waiting !== undefined) {
      // Written only when it changed (or to refresh an old report): most pulls report the same and write nothing.
      await this.pool.query(
        "UPDATE sync_clients SET waiting = $3, reported_at = now() WHERE client_id = $1 AND user_id = $2 AND (waiting <> $3 OR reported_at IS NULL OR reported_at < now() - interval '30 seconds')",
        [clientId, v.userId, waiting],
      );
    }
    // One snapshot for the feed and the rows it names.
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const feed = (await db.query<{ seq: string; entity: FeedEntity; entity_id: string }>(
        'SELECT seq, entity, entity_id FROM feed WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [teamId, after, limit + 1],
      )).rows;
      const more = feed.length > limit;
      const page = feed.slice(0, limit);
      const cursor = page.length ? Number(page[page.length - 1]!.seq) : after;
      // Only the newest position of each row matters: it is sent in its current state.
      const last = new Map<string, number>();
      for (const f of page) last.set(`${f.entity}:${f.entity_id}`, Number(f.seq));
      const ids = (entity: FeedEntity) => page.filter((f) => f.entity === entity).map((f) => f.entity_id);

      // Only the tables the page names are read (a pull after a wake-up usually names one or two rows).
      const rows = async <R extends object>(entity: FeedEntity, sql: string): Promise<R[]> => {
        const wanted = ids(entity);
        return wanted.length ? (await db.query<R>(sql, [teamId, wanted])).rows : [];
      };
      const orders = await rows<WorkOrderRow>('workOrder', `SELECT ${WORK_ORDER_COLUMNS} FROM ${WORK_ORDER_FROM} WHERE w.team_id = $1 AND w.id = ANY($2::uuid[])`);
      const events = await rows<EventRow>('workOrderEvent', `SELECT ${EVENT_COLUMNS} FROM work_order_events e WHERE e.team_id = $1 AND e.id = ANY($2::bigint[])`);
      const followUps = await rows<FollowUpRow>('followUp', `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM} WHERE f.team_id = $1 AND f.id = ANY($2::uuid[])`);
      const contacts = await rows<ContactRow>('contact', `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE k.team_id = $1 AND k.id = ANY($2::uuid[])`);
      // Events and follow-ups are seen with their work order.
      const known = new Set(orders.map((w) => w.id));
      const relatedIds = [...new Set([...events.map((e) => e.work_order_id), ...followUps.flatMap((f) => (f.work_order_id ? [f.work_order_id] : []))])].filter((id) => !known.has(id));
      const related = relatedIds.length
        ? (await db.query<WorkOrderRow>(`SELECT ${WORK_ORDER_COLUMNS} FROM ${WORK_ORDER_FROM} WHERE w.team_id = $1 AND w.id = ANY($2::uuid[])`, [teamId, relatedIds])).rows
        : [];
      const clientLastSeq = clientId
        ? Number((await db.query<{ last_seq: string }>('SELECT last_seq FROM sync_clients WHERE client_id = $1 AND user_id = $2', [clientId, v.userId])).rows[0]?.last_seq ?? 0)
        : null;
      await db.query('COMMIT');

      const scope = new Map(related.concat(orders).map((w) => [w.id, scopeOf(w)]));
      const seesOrder = (id: string | null) => id === null || (scope.has(id) && policy.canSeeWorkOrder(v, scope.get(id)!));
      const changes: Change[] = [];
      for (const w of orders) {
        const seq = last.get(`workOrder:${w.id}`)!;
        if (seesOrder(w.id)) changes.push({ seq, entity: 'workOrder', data: toWorkOrder(w) });
        // A specialist's copy of one taken from her (reassigned, another queue) must not stay on her desktop.
        else if (v.role === 'specialist') changes.push({ seq, entity: 'workOrderGone', data: { id: w.id } });
      }
      for (const e of events) if (seesOrder(e.work_order_id)) changes.push({ seq: last.get(`workOrderEvent:${e.id}`)!, entity: 'workOrderEvent', data: toEvent(e) });
      for (const f of followUps) {
        const mine = f.owner === v.username;
        if (mine || (v.role !== 'specialist' && seesOrder(f.work_order_id)) || (v.role === 'specialist' && f.work_order_id && seesOrder(f.work_order_id))) {
          changes.push({ seq: last.get(`followUp:${f.id}`)!, entity: 'followUp', data: toFollowUp(f) });
        }
      }
      for (const c of contacts) if (v.role !== 'specialist' || c.agent === v.username) changes.push({ seq: last.get(`contact:${c.id}`)!, entity: 'contact', data: toContact(c) });
      changes.sort((a, b) => a.seq - b.seq);
      return { changes, cursor, more, clientLastSeq };
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
