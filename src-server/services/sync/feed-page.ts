import type { PoolClient } from 'pg';
import type { Change } from '../../../src-shared/sync/contract';
import type { FeedEntity } from '../../db/repos/feed';
import {
  CONTACT_COLUMNS, CONTACT_FROM, EVENT_COLUMNS, FOLLOW_UP_COLUMNS, FOLLOW_UP_FROM, WORK_ORDER_COLUMNS, WORK_ORDER_FROM,
  scopeOf, toContact, toEvent, toFollowUp, toWorkOrder,
  type ContactRow, type EventRow, type FollowUpRow, type WorkOrderRow,
} from '../../db/repos/work-rows';
import { policy, type Viewer } from '../auth/policy';

/** One page of a team's feed with the rows it names, read in the caller's snapshot; not yet filtered per person. */
export interface FeedPage {
  /** The last feed position read (the `after` given when nothing was there). */
  cursor: number;
  more: boolean;
  /** The newest feed position of each row: a row is sent once, in its current state. */
  last: Map<string, number>;
  orders: WorkOrderRow[];
  events: EventRow[];
  followUps: FollowUpRow[];
  contacts: ContactRow[];
  /** Work orders the page's events and follow-ups belong to, for deciding who sees them. */
  related: WorkOrderRow[];
}

/**
 * Reads the team's feed after `after` and the rows it names. Call inside one REPEATABLE READ snapshot: feed
 * positions are handed out in commit order, so a snapshot holds a gapless prefix of the feed.
 */
export async function readFeedPage(db: PoolClient, teamId: number, after: number, limit: number): Promise<FeedPage> {
  const feed = (await db.query<{ seq: string; entity: FeedEntity; entity_id: string }>(
    'SELECT seq, entity, entity_id FROM feed WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [teamId, after, limit + 1],
  )).rows;
  const more = feed.length > limit;
  const page = feed.slice(0, limit);
  const cursor = page.length ? Number(page[page.length - 1]!.seq) : after;
  const last = new Map<string, number>();
  for (const f of page) last.set(`${f.entity}:${f.entity_id}`, Number(f.seq));
  const ids = (entity: FeedEntity) => page.filter((f) => f.entity === entity).map((f) => f.entity_id);

  // Only the tables the page names are read (a page after a wake-up usually names one or two rows).
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
  return { cursor, more, last, orders, events, followUps, contacts, related };
}

/** What of a page this person may see, in feed order (the policy decides; the page is shared by many viewers). */
export function visibleChanges(v: Viewer, p: FeedPage): Change[] {
  const scope = new Map(p.related.concat(p.orders).map((w) => [w.id, scopeOf(w)]));
  const seesOrder = (id: string | null) => id === null || (scope.has(id) && policy.canSeeWorkOrder(v, scope.get(id)!));
  const changes: Change[] = [];
  for (const w of p.orders) {
    const seq = p.last.get(`workOrder:${w.id}`)!;
    if (seesOrder(w.id)) changes.push({ seq, entity: 'workOrder', data: toWorkOrder(w) });
    // A specialist's copy of one taken from her (reassigned, another queue) must not stay on her desktop.
    else if (v.role === 'specialist') changes.push({ seq, entity: 'workOrderGone', data: { id: w.id } });
  }
  for (const e of p.events) if (seesOrder(e.work_order_id)) changes.push({ seq: p.last.get(`workOrderEvent:${e.id}`)!, entity: 'workOrderEvent', data: toEvent(e) });
  for (const f of p.followUps) {
    const mine = f.owner === v.username;
    if (mine || (v.role !== 'specialist' && seesOrder(f.work_order_id)) || (v.role === 'specialist' && f.work_order_id && seesOrder(f.work_order_id))) {
      changes.push({ seq: p.last.get(`followUp:${f.id}`)!, entity: 'followUp', data: toFollowUp(f) });
    }
  }
  for (const c of p.contacts) if (v.role !== 'specialist' || c.agent === v.username) changes.push({ seq: p.last.get(`contact:${c.id}`)!, entity: 'contact', data: toContact(c) });
  return changes.sort((a, b) => a.seq - b.seq);
}
