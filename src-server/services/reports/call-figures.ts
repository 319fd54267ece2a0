import type { Pool } from 'pg';
import type { ReportFigures } from '../../../src-shared/reports/report-contract';
import { bounds, groupColumns, groupingSets, groupOf, Params, scopeWhere, type Breakdown, type GroupKey, type GroupedRow, type Span, type Who } from './report-sql';

export interface FigureGroup {
  key: GroupKey;
  figures: ReportFigures;
}

interface CallRow extends GroupedRow {
  offered: number;
  handled: number;
  aht: number | null;
  acw: number | null;
  hold: number | null;
  fcr: number | null;
}

/**
 * The call figures of a scope and period, computed in PostgreSQL: inbound calls that rang at an agent (offered),
 * those she answered (handled), handle time (the answered call's duration, which includes its hold, plus
 * after-call work), after-call work and hold per handled call, and first-call resolution: of the handled calls
 * with a known customer, those whose customer did not call in again within the window (the next call's day minus
 * this call's day, both in the site's zone, greater than the window). Days and hours are the call's start in the
 * site's zone, so a call across midnight counts on the day it began.
 */
export async function callFigures(db: Pool, who: Who, span: Span, fcrWindowDays: number, breakdown: Breakdown): Promise<FigureGroup[]> {
  const sql = new Params();
  const scope = scopeWhere(sql, who, 'c.team_id', 'c.agent_id', 'c.queue')!;
  const range = bounds(sql, span, 'c.started_at');
  const nextLocal = range.local.replace('c.started_at', 'c.next_inbound_at');
  const window = sql.p(fcrWindowDays, 'int');
  const r = await db.query<CallRow>(
    `SELECT ${groupColumns(breakdown, true)},
       count(*)::int AS offered,
       (count(*) FILTER (WHERE answered))::int AS handled,
       (sum(duration_s + acw_s) FILTER (WHERE answered))::float8 / nullif(count(*) FILTER (WHERE answered), 0) AS aht,
       (avg(acw_s) FILTER (WHERE answered))::float8 AS acw,
       (avg(hold_s) FILTER (WHERE answered))::float8 AS hold,
       (count(*) FILTER (WHERE fcr_known AND resolved))::float8 / nullif(count(*) FILTER (WHERE fcr_known), 0) AS fcr
     FROM (
       SELECT c.agent_id, coalesce(c.queue, '') AS queue, c.answered, c.duration_s, c.hold_s, c.acw_s,
         ${range.local}::date AS day, extract(hour FROM ${range.local})::int AS hour,
         c.answered AND c.customer_key IS NOT NULL AS fcr_known,
         c.next_inbound_at IS NULL OR ${nextLocal}::date - ${range.local}::date > ${window} AS resolved
       FROM contacts c
       WHERE ${scope} AND c.direction = 'inbound' AND ${range.where}
     ) k
     GROUP BY ${groupingSets(breakdown, true)}`,
    sql.values,
  );
  return r.rows.map((row) => ({
    key: groupOf(row),
    figures: { offered: row.offered, handled: row.handled, ahtSeconds: row.aht, acwSeconds: row.acw, holdSeconds: row.hold, fcrRate: row.fcr },
  }));
}
