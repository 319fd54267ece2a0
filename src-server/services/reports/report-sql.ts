/** Bound parameters for one statement, each named where it is used: `sql.p(value, 'int')` gives `$n::int`. */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown, type: 'int' | 'text' | 'date'): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** Whose rows a report reads: a team (or one queue or agent of it), or one person's own wherever she worked. */
export type Who =
  | { kind: 'team'; teamId: number }
  | { kind: 'queue'; teamId: number; queue: string }
  | { kind: 'agent'; teamId: number; agentId: number }
  | { kind: 'me'; agentId: number };

/** The period in the site's zone: from the first day's midnight to the midnight after the last (23 or 25 hours on DST days). */
export interface Span {
  timeZone: string;
  from: string;
  to: string;
}

export function bounds(sql: Params, span: Span, column: string): { where: string; local: string } {
  const tz = sql.p(span.timeZone, 'text');
  const lo = `(${sql.p(span.from, 'date')}::timestamp AT TIME ZONE ${tz})`;
  const hi = `((${sql.p(span.to, 'date')} + 1)::timestamp AT TIME ZONE ${tz})`;
  return { where: `${column} >= ${lo} AND ${column} < ${hi}`, local: `(${column} AT TIME ZONE ${tz})` };
}

/**
 * The condition for a table's rows of this scope: `team` is its team column, `person` the column naming the agent
 * whose work the row is. A queue has meaning only for calls: tables without one return null (nothing measured).
 */
export function scopeWhere(sql: Params, who: Who, team: string, person: string, queue?: string): string | null {
  switch (who.kind) {
    case 'me':
      return `${person} = ${sql.p(who.agentId, 'int')}`;
    case 'team':
      return `${team} = ${sql.p(who.teamId, 'int')}`;
    case 'agent':
      return `${team} = ${sql.p(who.teamId, 'int')} AND ${person} = ${sql.p(who.agentId, 'int')}`;
    case 'queue':
      return queue ? `${team} = ${sql.p(who.teamId, 'int')} AND ${queue} = ${sql.p(who.queue, 'text')}` : null;
  }
}

/** The breakdowns a screen needs (the whole period and per day, agent, queue and hour), or the totals alone. */
export type Breakdown = 'all' | 'totals';
export const groupingSets = (breakdown: Breakdown, withQueue: boolean) =>
  breakdown === 'totals' ? '()' : `GROUPING SETS ((), (day), (agent_id), (hour)${withQueue ? ', (queue)' : ''})`;

/** The grouping keys a query selects (constants for the totals alone, where GROUPING() has nothing to name). */
export function groupColumns(breakdown: Breakdown, withQueue: boolean): string {
  if (breakdown === 'totals') return `1 AS g_day, 1 AS g_agent, 1 AS g_hour${withQueue ? ', 1 AS g_queue, NULL AS queue' : ''}, NULL AS day, NULL::int AS agent_id, NULL::int AS hour`;
  return `grouping(day) AS g_day, grouping(agent_id) AS g_agent, grouping(hour) AS g_hour${withQueue ? ', grouping(queue) AS g_queue, queue' : ''},
    day::text AS day, agent_id, hour`;
}

/** Which breakdown a grouped row belongs to, from GROUPING() of each key (0 = grouped by it). */
export interface GroupedRow {
  g_day: number;
  g_agent: number;
  g_hour: number;
  g_queue?: number;
  day: string | null;
  agent_id: number | null;
  hour: number | null;
  queue?: string | null;
}
export type GroupKey = { by: 'total' } | { by: 'day'; day: string } | { by: 'agent'; agentId: number } | { by: 'hour'; hour: number } | { by: 'queue'; queue: string };
export function groupOf(r: GroupedRow): GroupKey {
  if (r.g_day === 0) return { by: 'day', day: r.day! };
  if (r.g_agent === 0) return { by: 'agent', agentId: r.agent_id! };
  if (r.g_hour === 0) return { by: 'hour', hour: r.hour! };
  if (r.g_queue === 0) return { by: 'queue', queue: r.queue ?? '' };
  return { by: 'total' };
}
