import type { Db } from '../db/database';

/**
 * The SQL of "My day" over the desktop cache. Every statement joins its rows to the period's pieces (local day and
 * UTC offset, see site-time.ts, passed as JSON) and aggregates in SQLite; what comes back is one row per bucket
 * (the whole period, a day, an hour of day, a queue). `me` is the JSON list of names the agent is known
 * by (her extension on call records, her team-server user name on work orders). CROSS JOIN keeps the pieces as the
 * outer loop, so each piece is an index range on the table's time column.
 */

/** How rows are grouped: fixed expressions, never text from a request. */
export type Bucket = 'total' | 'day' | 'hour' | 'queue';

const PIECES = `piece AS MATERIALIZED (
    SELECT value ->> 0 AS idx, value ->> 1 AS day, value ->> 2 AS s, value ->> 3 AS e, value ->> 4 AS off, value ->> 5 AS repeat_end
    FROM json_each(@pieces)
  ), me AS (SELECT value AS agent FROM json_each(@me))`;

/** Hour of day on the site's clock for a timestamp inside piece p. */
const hourOf = (column: string) => `((${column} + p.off) / 3600000) % 24`;

/** The bucket columns every family's rows carry (worked out once per row, grouped by in `perGroup`). */
const bucketColumns = (time: string, queue: string) => `p.day AS day, ${hourOf(time)} AS hour, coalesce(${queue}, '') AS queue`;

const GROUP_COLUMN: Record<Bucket, string> = { total: "'all'", day: 'day', hour: 'hour', queue: 'queue' };

/**
 * One SELECT per grouping over rows worked out once (`source`, a MATERIALIZED CTE), tagged with the grouping, so a
 * period's rows are read and their subqueries run once however many ways they are grouped. The total needs no
 * sort: an aggregate without GROUP BY, with no row where nothing happened (as a GROUP BY over no rows).
 */
function perGroup(groups: readonly Bucket[], aggregates: string, source: string): string {
  return groups
    .map((g) =>
      g === 'total'
        ? `SELECT 'total' AS grp, 'all' AS bucket, ${aggregates} FROM ${source} HAVING count(*) > 0`
        : `SELECT '${g}' AS grp, ${GROUP_COLUMN[g]} AS bucket, ${aggregates} FROM ${source} GROUP BY 2`,
    )
    .join('\n    UNION ALL ');
}

/** A family's rows: which grouping each belongs to (one statement answers several), and its bucket. */
export interface Grouped {
  grp: Bucket;
  bucket: string | number;
}

export interface CallFigureRow extends Grouped {
  offered: number;
  handled: number;
  aht: number | null;
  acw: number | null;
  hold: number | null;
  fcr_base: number;
  fcr_kept: number;
}

/**
 * Inbound calls that rang at her. A repeat is the same customer (her customer row, else her number) calling in
 * again after this call and before the end of the local day `window` days later (piece.repeat_end): the call's
 * `next_inbound_at`, kept by triggers (desktop migration 0011), is before that end. Each call is worked out once
 * (MATERIALIZED), then grouped every way asked for in one statement.
 */
export const callFiguresSql = (groups: readonly Bucket[]) => `
    WITH ${PIECES}, calls AS MATERIALIZED (
      SELECT ${bucketColumns('c.started_at', 'c.queue')}, c.answered, c.duration_s, c.acw_s, c.hold_s,
        (c.answered = 1 AND (c.customer_id IS NOT NULL OR c.number <> '')) AS known,
        coalesce(c.next_inbound_at < p.repeat_end, 0) AS repeated
      FROM piece p CROSS JOIN contacts c
      WHERE c.agent IN (SELECT agent FROM me) AND c.started_at >= p.s AND c.started_at < p.e AND c.direction = 'inbound'
    )
    ${perGroup(
      groups,
      `count(*) AS offered, sum(answered) AS handled,
      avg(CASE WHEN answered = 1 THEN duration_s + acw_s END) AS aht,
      avg(CASE WHEN answered = 1 THEN acw_s END) AS acw,
      avg(CASE WHEN answered = 1 THEN hold_s END) AS hold,
      sum(known) AS fcr_base, sum(known AND NOT repeated) AS fcr_kept`,
      'calls',
    )}`;

export function callFigures(db: Db, groups: readonly Bucket[]): (p: { pieces: string; me: string }) => CallFigureRow[] {
  const statement = db.prepare<{ pieces: string; me: string }, CallFigureRow>(callFiguresSql(groups));
  return (params) => statement.all(params);
}

export interface WorkOrderFigureRow extends Grouped {
  filed: number;
  csat_avg: number | null;
  csat_top: number | null;
  low_open: number;
  escalated: number;
  complaints: number;
  sla_met: number;
  sla_breached: number;
}

/**
 * Work orders she filed in the period; per queue, by the queue of the call each was filed on (desktop migration
 * 0012; '' for one filed with no call, as for a call that came in on no queue). CSAT counts with the period the work order was filed in, whenever it was
 * recorded (the score rates the service given then). Resolved: the first status event to resolved or closed (for
 * rows the team server sent without their events, the last update of a resolved row). A low score is followed up
 * by a follow-up of that work order done after the score was recorded (looked up for low scores only). Each work
 * order, with its event and follow-up lookups, is worked out once (MATERIALIZED), then grouped every way asked for.
 */
export const workOrderFiguresSql = (groups: readonly Bucket[]) => `
    WITH ${PIECES}, orders AS MATERIALIZED (
      SELECT ${bucketColumns('w.created_at', 'w.call_queue')}, w.kind, w.csat, w.due_at,
        coalesce(w.data ->> '$.route', CASE w.severity WHEN 'ordinary' THEN 'first-contact' ELSE 'specialist' END) <> 'first-contact' AS escalated,
        coalesce(
          (SELECT min(e.at) FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'status' AND e.data ->> '$.status' IN ('resolved', 'closed')),
          CASE WHEN w.status IN ('resolved', 'closed') THEN w.updated_at END) AS resolved_at,
        CASE WHEN w.csat <= 2 THEN NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.work_order_id = w.id AND f.status = 'done'
          AND f.done_at > coalesce((SELECT max(e.at) FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'rated'), w.updated_at)) END AS low_open
      FROM piece p CROSS JOIN work_orders w
      WHERE w.created_by IN (SELECT agent FROM me) AND w.created_at >= p.s AND w.created_at < p.e
    )
    ${perGroup(
      groups,
      `count(*) AS filed, avg(csat) AS csat_avg, avg(CASE WHEN csat IS NOT NULL THEN csat >= 4 END) AS csat_top,
      sum(low_open) AS low_open, sum(escalated) AS escalated, sum(kind = 'complaint') AS complaints,
      sum(resolved_at <= due_at) AS sla_met,
      sum(due_at IS NOT NULL AND (resolved_at > due_at OR (resolved_at IS NULL AND due_at < @now))) AS sla_breached`,
      'orders',
    )}`;

export function workOrderFigures(db: Db, groups: readonly Bucket[]): (p: { pieces: string; me: string; now: number }) => WorkOrderFigureRow[] {
  const statement = db.prepare<{ pieces: string; me: string; now: number }, WorkOrderFigureRow>(workOrderFiguresSql(groups));
  return (params) => statement.all(params);
}

export interface CallbackFigureRow extends Grouped {
  promised: number;
  kept: number;
}

/**
 * Callbacks due in the period that are hers (hers by owner; a desktop that does not sync owns all of its own).
 * Read through follow_ups_by_owner (desktop migration 0013) for each of her names and for no owner, so a cache
 * holding the whole floor's callbacks reads hers only.
 */
export const callbackFiguresSql = (groups: readonly Bucket[]) => `
    WITH ${PIECES}, owner AS (SELECT agent FROM me UNION SELECT NULL), callbacks AS MATERIALIZED (
      SELECT ${bucketColumns('f.due_at', "''")}, f.status = 'done' AND f.done_at <= coalesce(f.window_end, f.due_at) AS kept
      FROM owner o CROSS JOIN piece p CROSS JOIN follow_ups f
      WHERE f.kind = 'callback' AND f.owner IS o.agent AND f.due_at >= p.s AND f.due_at < p.e
    )
    ${perGroup(groups, 'count(*) AS promised, sum(kept) AS kept', 'callbacks')}`;

export function callbackFigures(db: Db, groups: readonly Bucket[]): (p: { pieces: string; me: string }) => CallbackFigureRow[] {
  const statement = db.prepare<{ pieces: string; me: string }, CallbackFigureRow>(callbackFiguresSql(groups));
  return (params) => statement.all(params);
}

export interface KbFigureRow extends Grouped {
  helped: number;
}

/** "This article helped" marks made on her calls, or on this desktop with no call. */
export function kbFigures(db: Db, groups: readonly Bucket[]): (p: { pieces: string; me: string }) => KbFigureRow[] {
  const statement = db.prepare<{ pieces: string; me: string }, KbFigureRow>(`
    WITH ${PIECES}, marks AS MATERIALIZED (
      SELECT ${bucketColumns('k.at', "''")}
      FROM piece p CROSS JOIN kb_feedback k
      WHERE k.helped = 1 AND k.at >= p.s AND k.at < p.e
        AND (k.contact_id IS NULL OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = k.contact_id AND c.agent IN (SELECT agent FROM me)))
    )
    ${perGroup(groups, 'count(*) AS helped', 'marks')}`);
  return (params) => statement.all(params);
}

/** One row of the complaint charts: which chart, its two keys (day and type or tag; hour and agent) and the count. */
interface ComplaintChartRow {
  chart: 'type' | 'why' | 'hourAgent';
  a: string | number;
  b: string;
  count: number;
}

/**
 * The complaint charts: by type and by why-tag per day, by hour × agent, from one read of her complaints of the
 * period (MATERIALIZED, then grouped three ways); and the low scores to follow up.
 */
export function complaintCharts(db: Db) {
  const charts = db.prepare<{ pieces: string; me: string }, ComplaintChartRow>(`
    WITH ${PIECES}, complaints AS MATERIALIZED (
      SELECT p.day AS day, ${hourOf('w.created_at')} AS hour, coalesce(w.complaint_type, 'other') AS type, w.created_by AS agent,
        w.data -> '$.whyTags' AS tags
      FROM piece p CROSS JOIN work_orders w
      WHERE w.created_by IN (SELECT agent FROM me) AND w.created_at >= p.s AND w.created_at < p.e AND w.kind = 'complaint'
    )
    SELECT 'type' AS chart, day AS a, type AS b, count(*) AS count FROM complaints GROUP BY 2, 3
    UNION ALL SELECT 'why', day, t.value, count(*) FROM complaints JOIN json_each(complaints.tags) t WHERE t.type = 'text' GROUP BY 2, 3
    UNION ALL SELECT 'hourAgent', hour, agent, count(*) FROM complaints GROUP BY 2, 3
    ORDER BY 1, 2, 3`);
  const lowCsat = db.prepare<{ pieces: string; me: string }, { workOrder: string; agent: string; csat: number; at: number }>(`
    WITH ${PIECES}, low AS (
      SELECT w.id, w.external_id, w.created_by, w.csat,
        coalesce((SELECT max(e.at) FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'rated'), w.updated_at) AS at
      FROM piece p CROSS JOIN work_orders w
      WHERE w.created_by IN (SELECT agent FROM me) AND w.created_at >= p.s AND w.created_at < p.e AND w.csat <= 2
    )
    SELECT external_id AS workOrder, created_by AS agent, csat, at FROM low
    WHERE NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.work_order_id = low.id AND f.status = 'done' AND f.done_at > low.at)
    ORDER BY at LIMIT 50`);
  return {
    /** Each chart's rows in its order (by day then key; by hour then agent), split from the one statement's. */
    complaints: (p: { pieces: string; me: string }) => {
      const rows = charts.all(p);
      const of = (chart: ComplaintChartRow['chart']) => rows.filter((row) => row.chart === chart);
      return {
        byType: of('type').map((row) => ({ day: String(row.a), type: row.b, count: row.count })),
        byWhy: of('why').map((row) => ({ day: String(row.a), tag: row.b, count: row.count })),
        byHourAgent: of('hourAgent').map((row) => ({ hour: Number(row.a), agent: row.b, count: row.count })),
      };
    },
    lowCsat: (p: { pieces: string; me: string }) => lowCsat.all(p),
  };
}
