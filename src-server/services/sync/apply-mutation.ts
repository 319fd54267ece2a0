import type { PoolClient } from 'pg';
import type { Mutation, PushResult } from '../../../src-shared/sync/contract';
import { DEFAULT_SLA_HOURS, routeFor } from '../../../src-shared/workorders/complaint';
import { canMove, isReopen } from '../../../src-shared/workorders/status-moves';
import type { TeamFeed } from '../../db/repos/feed';
import { WORK_ORDER_COLUMNS, WORK_ORDER_FROM, scopeOf, toWorkOrder, type WorkOrderRow } from '../../db/repos/work-rows';
import type { ServerConfig } from '../../config';
import { policy, type Viewer } from '../auth/policy';

/** A mutation that can never apply: recorded, shown to the person, and the desktop's queue moves on. */
export class Rejection extends Error {}

type Outcome = Pick<PushResult, 'outcome' | 'current'>;
const APPLIED: Outcome = { outcome: 'applied' };

type Routing = Pick<ServerConfig, 'routeQueues'>;

/** A work order of the viewer's team, locked; another team's is answered exactly like one that does not exist. */
async function lockWorkOrder(tx: PoolClient, id: string, teamId: number | null): Promise<WorkOrderRow> {
  const r = await tx.query<WorkOrderRow>(`SELECT ${WORK_ORDER_COLUMNS} FROM ${WORK_ORDER_FROM} WHERE w.id = $1 AND w.team_id = $2 FOR UPDATE OF w`, [id, teamId]);
  if (!r.rows[0]) throw new Rejection(`work order ${id} is not one of your team's`);
  return r.rows[0];
}

/** The push's feed; only a team member's push has one, and only a team member's change reaches a feed write. */
function feedOf(feed: TeamFeed | null): TeamFeed {
  if (!feed) throw new Rejection('only a team member changes the team\'s work');
  return feed;
}

async function addEvent(tx: PoolClient, feed: TeamFeed, w: { id: string }, kind: string, actor: string, data: object): Promise<void> {
  const seq = feed.append('workOrderEvent', '');
  const r = await tx.query<{ id: string }>(
    'INSERT INTO work_order_events (work_order_id, team_id, kind, actor, data, feed_seq) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [w.id, feed.teamId, kind, actor, JSON.stringify(data), seq],
  );
  feed.name(seq, r.rows[0]!.id);
}

async function touchWorkOrder(tx: PoolClient, feed: TeamFeed, w: WorkOrderRow, set: string, params: unknown[]): Promise<void> {
  const seq = feed.append('workOrder', w.id);
  await tx.query(`UPDATE work_orders SET ${set}, version = version + 1, updated_at = now(), feed_seq = $2 WHERE id = $1`, [w.id, seq, ...params]);
}

/**
 * Announces a work order's history and follow-ups again, after the change that gave it to someone: she may not
 * have seen it before (a specialist sees only what is routed or given to her), and her next pull must bring what
 * happened earlier, not only from now on. Desktops that had them already take them again as no-ops.
 */
async function reannounceHistory(tx: PoolClient, feed: TeamFeed, w: { id: string }): Promise<void> {
  const events = await tx.query<{ id: string }>('SELECT id FROM work_order_events WHERE work_order_id = $1 ORDER BY id', [w.id]);
  for (const e of events.rows) feed.append('workOrderEvent', e.id);
  const followUps = await tx.query<{ id: string }>('SELECT id FROM follow_ups WHERE work_order_id = $1 ORDER BY id', [w.id]);
  for (const f of followUps.rows) feed.append('followUp', f.id);
}

/** Stale: based on a version someone else already changed. Not applied; the person decides. */
function stale(w: WorkOrderRow, baseVersion: number): Outcome | null {
  return w.version === baseVersion ? null : { outcome: 'conflict', current: toWorkOrder(w) };
}

function visible(v: Viewer, w: WorkOrderRow): void {
  if (!policy.canSeeWorkOrder(v, scopeOf(w))) throw new Rejection(`work order ${w.display_id} is not yours or your team's`);
}

/** The queues of a team: the routes' queues and every queue one of its members serves. */
export async function teamQueues(db: Pick<PoolClient, 'query'>, teamId: number, routing: Routing): Promise<string[]> {
  const served = await db.query<{ queue: string }>('SELECT DISTINCT q.queue FROM user_queues q JOIN users u ON u.id = q.user_id WHERE u.team_id = $1 AND NOT u.disabled', [teamId]);
  return [...new Set([...Object.values(routing.routeQueues), ...served.rows.map((r) => r.queue)])].sort();
}

/**
 * Applies one mutation inside the push's transaction, its feed rows counted by the push's feed (null for someone
 * with no team, who changes nothing a team sees). Authorisation is checked here, per row, by the policy.
 */
export async function applyMutation(tx: PoolClient, v: Viewer, m: Mutation, routing: Routing, feed: TeamFeed | null): Promise<Outcome> {
  switch (m.kind) {
    case 'workOrder.file': {
      if (!policy.canFile(v) || v.teamId === null) throw new Rejection('only a team member can file a work order');
      const w = m.workOrder;
      const existing = await tx.query<{ created_by: number }>('SELECT created_by FROM work_orders WHERE id = $1', [w.id]);
      if (existing.rows[0]) {
        if (existing.rows[0].created_by !== v.userId) throw new Rejection(`work order ${w.id} already exists`);
        return APPLIED;
      }
      const route = routeFor(w.severity);
      const queue = route === 'first-contact' ? null : routing.routeQueues[route];
      const seq = feedOf(feed).append('workOrder', w.id);
      // The SLA clock is the server's: the deadline is now() on the server plus the severity's hours.
      await tx.query(
        `INSERT INTO work_orders (id, display_id, team_id, customer, complaint_type, severity, route, queue, created_by, summary, details,
           due_at, feed_seq, call_queue)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(secs => $12), $13, $14)`,
        [w.id, w.displayId, v.teamId, JSON.stringify(w.customer), w.complaintType, w.severity, route, queue, v.userId, w.summary,
          JSON.stringify(w.details), DEFAULT_SLA_HOURS[w.severity] * 3600, seq, w.callQueue ?? null],
      );
      await addEvent(tx, feedOf(feed), { id: w.id }, 'created', v.username, { severity: w.severity, route, queue });
      for (const f of m.followUps) {
        const fseq = feedOf(feed).append('followUp', f.id);
        await tx.query(
          `INSERT INTO follow_ups (id, team_id, work_order_id, kind, owner_id, number, due_at, window_end, note, feed_seq)
           VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7 / 1000.0), to_timestamp($8 / 1000.0), $9, $10) ON CONFLICT (id) DO NOTHING`,
          [f.id, v.teamId, w.id, f.kind, v.userId, f.number, f.dueAt, f.windowEnd, f.note, fseq],
        );
      }
      return APPLIED;
    }
    case 'workOrder.setStatus': {
      const w = await lockWorkOrder(tx, m.id, v.teamId);
      visible(v, w);
      const conflict = stale(w, m.baseVersion);
      // Already so (another desktop got there first with the same move): the version still moves on by one, as
      // it did on the desktop that sent it, so its next change is based on the right version.
      if (w.status === m.status) {
        if (!conflict) await touchWorkOrder(tx, feedOf(feed), w, 'status = $3', [w.status]);
        return conflict ?? APPLIED;
      }
      if (conflict) return conflict;
      if (!canMove(w.status, m.status)) throw new Rejection(`a work order cannot go from ${w.status} to ${m.status}`);
      const reopen = isReopen(w.status, m.status);
      await touchWorkOrder(tx, feedOf(feed), w, `status = $3, reopened_count = reopened_count + $4`, [m.status, reopen ? 1 : 0]);
      await addEvent(tx, feedOf(feed), w, reopen ? 'reopened' : 'status', v.username, { status: m.status, from: w.status, note: m.note });
      return APPLIED;
    }
    case 'workOrder.claim': {
      const w = await lockWorkOrder(tx, m.id, v.teamId);
      if (!policy.canClaim(v, scopeOf(w))) throw new Rejection(`work order ${w.display_id} is not in a queue you serve`);
      const conflict = stale(w, m.baseVersion);
      if (w.assignee_id === v.userId) {
        if (!conflict) await touchWorkOrder(tx, feedOf(feed), w, 'assignee_id = $3', [v.userId]);
        return conflict ?? APPLIED;
      }
      if (conflict) return conflict;
      const status = w.status === 'open' ? 'in_progress' : w.status;
      await touchWorkOrder(tx, feedOf(feed), w, 'assignee_id = $3, status = $4', [v.userId, status]);
      await reannounceHistory(tx, feedOf(feed), w);
      await addEvent(tx, feedOf(feed), w, 'claimed', v.username, { assignee: v.username });
      return APPLIED;
    }
    case 'workOrder.assign': {
      const w = await lockWorkOrder(tx, m.id, v.teamId);
      if (!policy.canAssign(v, scopeOf(w))) throw new Rejection('only the team lead can reassign a work order');
      const conflict = stale(w, m.baseVersion);
      if (conflict) return conflict;
      if (m.assignee !== undefined) {
        const to = await tx.query<{ id: number }>('SELECT id FROM users WHERE username = $1 AND team_id = $2 AND NOT disabled', [m.assignee, w.team_id]);
        if (!to.rows[0]) throw new Rejection(`${m.assignee} is not on this team`);
        await touchWorkOrder(tx, feedOf(feed), w, 'assignee_id = $3', [to.rows[0].id]);
        await reannounceHistory(tx, feedOf(feed), w);
        await addEvent(tx, feedOf(feed), w, 'assigned', v.username, { assignee: m.assignee });
        return APPLIED;
      }
      if (m.queue === undefined) throw new Rejection('a reassignment names a person or a queue');
      if (!(await teamQueues(tx, w.team_id, routing)).includes(m.queue)) throw new Rejection(`${m.queue} is not one of this team's queues`);
      // Back to a queue: nobody holds it until someone who serves the queue claims it.
      await touchWorkOrder(tx, feedOf(feed), w, 'assignee_id = NULL, queue = $3', [m.queue]);
      await reannounceHistory(tx, feedOf(feed), w);
      await addEvent(tx, feedOf(feed), w, 'assigned', v.username, { queue: m.queue });
      return APPLIED;
    }
    case 'followUp.complete': {
      const r = await tx.query<{ team_id: number; status: string; work_order_id: string | null; owner_id: number }>(
        'SELECT team_id, status, work_order_id, owner_id FROM follow_ups WHERE id = $1 AND team_id = $2',
        [m.id, v.teamId],
      );
      const f = r.rows[0];
      if (!f) throw new Rejection(`follow-up ${m.id} is not one of your team's`);
      // Locks in the order every other change takes them: the team's feed row (the push took it first), the work
      // order, then the follow-up (the opposite order could deadlock with a status move of the same work order).
      const w = f.work_order_id ? await lockWorkOrder(tx, f.work_order_id, v.teamId) : null;
      if (!policy.canCompleteFollowUp(v, { teamId: f.team_id, ownerId: f.owner_id, workOrder: w ? scopeOf(w) : null })) {
        throw new Rejection('this follow-up is on a work order you do not work on');
      }
      const current = await tx.query<{ status: string }>('SELECT status FROM follow_ups WHERE id = $1 FOR UPDATE', [m.id]);
      if (current.rows[0]!.status !== 'pending') return APPLIED;
      const seq = feedOf(feed).append('followUp', m.id);
      await tx.query("UPDATE follow_ups SET status = 'done', csat = $2, done_at = now(), done_by = $3, version = version + 1, feed_seq = $4 WHERE id = $1", [
        m.id, m.csat, v.userId, seq,
      ]);
      if (m.csat !== null && w) {
        await touchWorkOrder(tx, feedOf(feed), w, 'csat = $3', [m.csat]);
        await addEvent(tx, feedOf(feed), w, 'rated', v.username, { csat: m.csat });
      }
      return APPLIED;
    }
    case 'contact.record': {
      if (v.teamId === null) throw new Rejection('only a team member records calls');
      const c = m.contact;
      const q = c.quality ?? null;
      const exists = await tx.query('SELECT 1 FROM contacts WHERE id = $1', [c.id]);
      if (exists.rowCount) return APPLIED;
      const seq = feedOf(feed).append('contact', c.id);
      await tx.query(
        `INSERT INTO contacts (id, team_id, agent_id, started_at, direction, customer, queue, duration_s, hold_s, disposition, feed_seq, acw_s, answered,
           quality_avg_mos, quality_worst_mos, quality_worst_jitter_ms, quality_worst_loss_pct, quality_warning_s, quality_one_way, pbx_call_id)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          ...[c.id, v.teamId, v.userId, c.startedAt, c.direction, JSON.stringify(c.customer), c.queue, c.durationS, c.holdS, c.disposition, seq],
          ...[c.acwS ?? 0, c.answered ?? true],
          ...(q ? [q.avgMos, q.worstMos, q.worstJitterMs, q.worstLossPct, q.warningS, q.oneWay] : [null, null, null, null, null, null]),
          c.pbxCallId ?? null,
        ],
      );
      return APPLIED;
    }
    case 'kb.helped': {
      // Kept under the desktop's own id for the mark: stored once however often it arrives.
      await tx.query(
        `INSERT INTO kb_helped (id, article_id, user_id, team_id, contact_id, helped, at) VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7 / 1000.0))
         ON CONFLICT (id) DO NOTHING`,
        [m.id, m.articleId, v.userId, v.teamId, m.contactId, m.helped, m.at],
      );
      return APPLIED;
    }
    case 'agentState.change': {
      await tx.query('INSERT INTO agent_states (user_id, state, reason, at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))', [v.userId, m.state, m.reason, m.at]);
      return APPLIED;
    }
  }
}
