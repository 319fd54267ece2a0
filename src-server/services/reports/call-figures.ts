import type { Pool } from 'pg';
import type { ReportFigures } from '../../../src-shared/reports/report-contract';
import { groupOf, Params, scopeWhere, type Breakdown, type GroupKey, type GroupedRow, type Span, type Who } from './report-sql';

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

/** The figures from a rollup's sums: repeat_within[w] is how many of the known calls had a repeat within w days. */
const FIGURES = (window: string) => `
  sum(offered)::int AS offered, sum(handled)::int AS handled,
  sum(handle_s)::float8 / nullif(sum(handled), 0) AS aht,
  sum(acw_s)::float8 / nullif(sum(handled), 0) AS acw,
  sum(hold_s)::float8 / nullif(sum(handled), 0) AS hold,
  (sum(fcr_known) - sum(repeat_within[${window}]))::float8 / nullif(sum(fcr_known), 0) AS fcr`;

/**
 * The call figures of a scope and period, summed by PostgreSQL from the call rollups (migration 0009): inbound
 * calls that rang at an agent (offered), those she answered (handled), handle time (the answered call's duration,
 * which includes its hold, plus after-call work), after-call work and hold per handled call, and first-call
 * resolution: of the handled calls with a known customer, those whose customer did not call in again within the
 * window (a call on day N + window is a repeat, day N + window + 1 is not). Days and hours are the call's start in
 * its team's zone, so a call across midnight counts on the day it began.
 */
export async function callFigures(db: Pool, who: Who, span: Span, fcrWindowDays: number, breakdown: Breakdown): Promise<FigureGroup[]> {
  const query = (table: 'report_call_days' | 'report_call_hours', keys: string, sets: string) => {
    const sql = new Params();
    const scope = scopeWhere(sql, who, 'r.team_id', 'r.agent_id', 'r.queue')!;
    const where = `${scope} AND r.day BETWEEN ${sql.p(span.from, 'date')} AND ${sql.p(span.to, 'date')}`;
    return db.query<CallRow>(`SELECT ${keys}, ${FIGURES(sql.p(fcrWindowDays, 'int'))} FROM ${table} r WHERE ${where} GROUP BY ${sets}`, sql.values);
  };
  const rows = await Promise.all([
    breakdown === 'totals'
      ? query('report_call_days', '1 AS g_day, 1 AS g_agent, 1 AS g_hour, 1 AS g_queue, NULL AS day, NULL::int AS agent_id, NULL::int AS hour, NULL AS queue', '()')
      : query(
        'report_call_days',
        'grouping(day) AS g_day, grouping(agent_id) AS g_agent, 1 AS g_hour, grouping(queue) AS g_queue, day::text AS day, agent_id, NULL::int AS hour, queue',
        'GROUPING SETS ((), (day), (agent_id), (queue))',
      ),
    breakdown === 'totals' ? null : query('report_call_hours', '1 AS g_day, 1 AS g_agent, 0 AS g_hour, 1 AS g_queue, NULL AS day, NULL::int AS agent_id, hour::int AS hour, NULL AS queue', 'hour'),
  ]);
  return rows.flatMap((r) => r?.rows ?? []).map((row) => ({
    key: groupOf(row),
    figures: { offered: row.offered, handled: row.handled, ahtSeconds: row.aht, acwSeconds: row.acw, holdSeconds: row.hold, fcrRate: row.fcr },
  }));
}
