import type { Pool } from 'pg';
import { bounds, groupColumns, groupingSets, groupOf, Params, scopeWhere, type Breakdown, type GroupedRow, type Span, type Who } from './report-sql';
import type { FigureGroup } from './call-figures';


/** A work order's queue is the queue of the call it was filed on (migration 0012); one filed with no call is in none. */
const CALL_QUEUE = 'w.call_queue';
const inSomeQueue = (row: GroupedRow) => !(row.g_queue === 0 && row.queue === null);

/**
 * The work orders filed in the period (by the day and hour they were filed, in the site's zone): complaints,
 * the share routed to a specialist or the complaints lead (escalation), and deadlines met (first resolved or closed
 * by the deadline) or breached (resolved later, or still open past it now). Attributed to the agent who filed it,
 * and to the queue of the call it was filed on.
 */
export async function workOrderFigures(db: Pool, who: Who, span: Span, breakdown: Breakdown): Promise<FigureGroup[]> {
  const sql = new Params();
  const scope = scopeWhere(sql, who, 'w.team_id', 'w.created_by', CALL_QUEUE);
  if (scope === null) return [];
  const range = bounds(sql, span, 'w.created_at');
  const r = await db.query<GroupedRow & { complaints: number; escalation: number | null; sla_met: number; sla_breached: number }>(
    `SELECT ${groupColumns(breakdown, true)},
       count(*)::int AS complaints,
       (count(*) FILTER (WHERE route <> 'first-contact'))::float8 / nullif(count(*), 0) AS escalation,
       (count(*) FILTER (WHERE resolved_at <= due_at))::int AS sla_met,
       (count(*) FILTER (WHERE resolved_at > due_at OR (resolved_at IS NULL AND due_at < now())))::int AS sla_breached
     FROM (
       SELECT w.created_by AS agent_id, w.route, w.due_at, ${range.local}::date AS day, extract(hour FROM ${range.local})::int AS hour,
         w.first_resolved_at AS resolved_at, ${CALL_QUEUE} AS queue
       FROM work_orders w WHERE ${scope} AND ${range.where}
     ) x
     GROUP BY ${groupingSets(breakdown, true)}`,
    sql.values,
  );
  return r.rows.filter(inSomeQueue).map((row) => ({
    key: groupOf(row),
    figures: { complaints: row.complaints, escalationRate: row.escalation, slaMet: row.sla_met, slaBreached: row.sla_breached },
  }));
}

/**
 * The CSAT scores of the period. A score belongs to the work order it rates (counted on the day the work order was
 * filed, however late the customer was asked: a score recorded after the period ended still counts for it) and to
 * the agent who filed it; a callback without a work order counts on its due day, for its owner. A follow-up's
 * score is also copied onto its work order, so a work order's own score counts only when no follow-up carries one.
 * A low score (1–2) is open until a follow-up of the same work order is done after it. A score's queue is its work
 * order's call queue; a callback without a work order is in no queue (and not in a queue's report).
 */
function scoresSql(sql: Params, who: Who, span: Span): { cte: string; local: string } | null {
  const wScope = scopeWhere(sql, who, 'w.team_id', 'w.created_by', CALL_QUEUE);
  const fScope = scopeWhere(sql, who, 'f.team_id', 'f.owner_id');
  if (wScope === null) return null;
  const wRange = bounds(sql, span, 'w.created_at');
  const fRange = fScope === null ? null : bounds(sql, span, 'f.due_at');
  const cte = `
    w AS (SELECT w.id, w.display_id, w.created_by, w.created_at, w.csat, ${CALL_QUEUE} AS queue FROM work_orders w WHERE ${wScope} AND ${wRange.where}),
    s AS (
      SELECT f.csat, f.done_at AS at, w.id AS work_order, w.display_id, w.created_by AS agent_id, w.created_at AS counted_at, w.queue
        FROM w JOIN follow_ups f ON f.work_order_id = w.id WHERE f.csat IS NOT NULL
      UNION ALL
      SELECT w.csat, w.created_at, w.id, w.display_id, w.created_by, w.created_at, w.queue FROM w
        WHERE w.csat IS NOT NULL AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.work_order_id = w.id AND f.csat IS NOT NULL)
      ${fRange === null ? '' : `UNION ALL
      SELECT f.csat, f.done_at, NULL, NULL, f.owner_id, f.due_at, NULL FROM follow_ups f
        WHERE f.work_order_id IS NULL AND f.csat IS NOT NULL AND ${fScope} AND ${fRange.where}`}
    ),
    scored AS (
      SELECT s.*, s.csat <= 2 AND NOT EXISTS (
          SELECT 1 FROM follow_ups g WHERE g.work_order_id = s.work_order AND g.status = 'done' AND g.done_at > s.at) AS low_open
        FROM s)`;
  return { cte, local: wRange.local.replace('w.created_at', 'counted_at') };
}

export async function csatFigures(db: Pool, who: Who, span: Span, breakdown: Breakdown): Promise<FigureGroup[]> {
  const sql = new Params();
  const scores = scoresSql(sql, who, span);
  if (scores === null) return [];
  const r = await db.query<GroupedRow & { average: number | null; top: number | null; low_open: number }>(
    `WITH ${scores.cte}
     SELECT ${groupColumns(breakdown, true)},
       (avg(csat))::float8 AS average,
       (count(*) FILTER (WHERE csat >= 4))::float8 / nullif(count(*), 0) AS top,
       (count(*) FILTER (WHERE low_open))::int AS low_open
     FROM (SELECT csat, low_open, agent_id, queue, ${scores.local}::date AS day, extract(hour FROM ${scores.local})::int AS hour FROM scored) x
     GROUP BY ${groupingSets(breakdown, true)}`,
    sql.values,
  );
  return r.rows.filter(inSomeQueue).map((row) => ({ key: groupOf(row), figures: { csatAverage: row.average, csatTopShare: row.top, lowCsatOpen: row.low_open } }));
}

/** The low scores still to follow up, newest first (at most 200), for the lead to act on. */
export async function openLowScores(db: Pool, who: Who, span: Span): Promise<{ workOrder: string; agent: string; csat: number; at: number }[]> {
  const sql = new Params();
  const scores = scoresSql(sql, who, span);
  if (scores === null) return [];
  const r = await db.query<{ display_id: string; username: string; csat: number; at: Date }>(
    `WITH ${scores.cte}
     SELECT s.display_id, u.username, s.csat, s.at FROM scored s JOIN users u ON u.id = s.agent_id
      WHERE s.low_open AND s.work_order IS NOT NULL ORDER BY s.at DESC NULLS LAST LIMIT 200`,
    sql.values,
  );
  return r.rows.map((x) => ({ workOrder: x.display_id, agent: x.username, csat: x.csat, at: x.at?.getTime() ?? 0 }));
}

/** Callbacks due in the period (for their owner): promised, and kept (done by the window's end, else by the due time). */
export async function callbackFigures(db: Pool, who: Who, span: Span, breakdown: Breakdown): Promise<FigureGroup[]> {
  const sql = new Params();
  const scope = scopeWhere(sql, who, 'f.team_id', 'f.owner_id');
  if (scope === null) return [];
  const range = bounds(sql, span, 'f.due_at');
  const r = await db.query<GroupedRow & { promised: number; kept: number }>(
    `SELECT ${groupColumns(breakdown, false)}, count(*)::int AS promised, (count(*) FILTER (WHERE kept))::int AS kept
     FROM (
       SELECT f.owner_id AS agent_id, f.status = 'done' AND f.done_at <= coalesce(f.window_end, f.due_at) AS kept,
         ${range.local}::date AS day, extract(hour FROM ${range.local})::int AS hour
       FROM follow_ups f WHERE f.kind = 'callback' AND ${scope} AND ${range.where}
     ) x
     GROUP BY ${groupingSets(breakdown, false)}`,
    sql.values,
  );
  return r.rows.map((row) => ({ key: groupOf(row), figures: { callbacksPromised: row.promised, callbacksKept: row.kept } }));
}

/** "This article helped" marks made in the period. */
export async function kbFigures(db: Pool, who: Who, span: Span, breakdown: Breakdown): Promise<FigureGroup[]> {
  const sql = new Params();
  const scope = scopeWhere(sql, who, 'h.team_id', 'h.user_id');
  if (scope === null) return [];
  const range = bounds(sql, span, 'h.at');
  const r = await db.query<GroupedRow & { helped: number }>(
    `SELECT ${groupColumns(breakdown, false)}, count(*)::int AS helped
     FROM (SELECT h.user_id AS agent_id, ${range.local}::date AS day, extract(hour FROM ${range.local})::int AS hour
             FROM kb_helped h WHERE h.helped AND ${scope} AND ${range.where}) x
     GROUP BY ${groupingSets(breakdown, false)}`,
    sql.values,
  );
  return r.rows.map((row) => ({ key: groupOf(row), figures: { kbHelped: row.helped } }));
}

/** Complaints per day by type and by why-tag, and by hour × agent (the heatmap), for the period. */
export async function complaintBreakdowns(db: Pool, who: Who, span: Span) {
  const sql = new Params();
  const scope = scopeWhere(sql, who, 'w.team_id', 'w.created_by', CALL_QUEUE);
  if (scope === null) return { byType: [], byWhy: [], byHourAgent: [] };
  const range = bounds(sql, span, 'w.created_at');
  const base = `SELECT w.complaint_type, w.details, w.created_by, ${range.local}::date AS day, extract(hour FROM ${range.local})::int AS hour
                  FROM work_orders w WHERE ${scope} AND ${range.where}`;
  const [byType, byWhy, byHourAgent] = await Promise.all([
    db.query<{ day: string; type: string; count: number }>(
      `SELECT day::text, coalesce(left(complaint_type, 64), 'unspecified') AS type, count(*)::int AS count FROM (${base}) w GROUP BY 1, 2 ORDER BY 1, 2`,
      sql.values,
    ),
    // Why-tags are in the form's details as the desktop sent them: only an array of strings is read, each capped.
    db.query<{ day: string; tag: string; count: number }>(
      `SELECT day::text, left(tag, 64) AS tag, count(*)::int AS count
         FROM (${base}) w,
              jsonb_array_elements_text(CASE WHEN jsonb_typeof(w.details->'whyTags') = 'array' THEN w.details->'whyTags' ELSE '[]'::jsonb END) AS tag
        GROUP BY 1, 2 ORDER BY 1, 2`,
      sql.values,
    ),
    db.query<{ hour: number; agent: string; count: number }>(
      `SELECT w.hour, u.username AS agent, count(*)::int AS count FROM (${base}) w JOIN users u ON u.id = w.created_by GROUP BY 1, 2 ORDER BY 1, 2`,
      sql.values,
    ),
  ]);
  return { byType: byType.rows, byWhy: byWhy.rows, byHourAgent: byHourAgent.rows };
}
