import type { Pool } from 'pg';
import {
  ReportMetricIds, reportMetricInfo, type ReportMetricId, type ReportRequest, type ReportResult, type ReportTargetsUpdate,
} from '../../../src-shared/reports/report-contract';
import type { z } from 'zod';
import { HttpError } from '../../http-error';
import { policy, type Viewer } from '../auth/policy';
import { callFigures, type FigureGroup } from './call-figures';
import { periodOf } from './report-period';
import type { Span, Who } from './report-sql';
import { callbackFigures, complaintBreakdowns, csatFigures, kbFigures, openLowScores, workOrderFigures } from './work-figures';

type Figures = Record<ReportMetricId, number | null>;
/** What a queue measures: its calls, and the work orders filed on them (migration 0012); callbacks and marks have no queue. */
const QUEUE_METRICS: readonly ReportMetricId[] = [
  'offered', 'handled', 'ahtSeconds', 'acwSeconds', 'holdSeconds', 'fcrRate',
  'csatAverage', 'csatTopShare', 'lowCsatOpen', 'escalationRate', 'complaints', 'slaMet', 'slaBreached',
];

/** Every metric present: counts start at 0 where they are measured, the rest null (nothing to measure). */
function blank(queueOnly: boolean): Figures {
  const measured = (m: ReportMetricId) => !queueOnly || QUEUE_METRICS.includes(m);
  return Object.fromEntries(ReportMetricIds.map((m) => [m, reportMetricInfo[m].unit === 'count' && measured(m) ? 0 : null])) as Figures;
}

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message);

/**
 * A report for whoever asks, within what the policy lets her see: her own figures for anyone on a team; her team's,
 * a queue's or one of her agents' for a team lead. Every figure is computed by PostgreSQL (call-figures.ts,
 * work-figures.ts); this only places them.
 */
export class ReportsService {
  constructor(private readonly db: Pool) {}

  async report(v: Viewer, request: z.output<typeof ReportRequest>): Promise<ReportResult> {
    const who = await this.authorise(v, request.scope);
    const { period, previous } = periodOf(request.from, request.to);
    const timeZone = await this.timeZone(v.teamId!);
    const span: Span = { timeZone, ...period };
    const before: Span = { timeZone, ...previous };
    const window = request.fcrWindowDays;
    const [current, last, targets, breakdowns, lowCsat] = await Promise.all([
      this.figures(who, span, window, 'all'),
      this.figures(who, before, window, 'totals'),
      this.targets(v.teamId!),
      complaintBreakdowns(this.db, who, span),
      openLowScores(this.db, who, span),
    ]);

    const queueOnly = who.kind === 'queue';
    const total = blank(queueOnly);
    const previousFigures = blank(queueOnly);
    const daily = new Map([...days(period.from, period.to)].map((d) => [d, blank(queueOnly)]));
    const perAgent = new Map<number, Figures>();
    const perQueue = new Map<string, Figures>();
    const perHour = new Map<number, Figures>();
    const row = <K>(map: Map<K, Figures>, key: K, queue = false): Figures => map.get(key) ?? map.set(key, blank(queueOnly || queue)).get(key)!;
    for (const { key, figures } of current) {
      const target =
        key.by === 'total' ? total
        : key.by === 'day' ? daily.get(key.day)
        : key.by === 'agent' ? row(perAgent, key.agentId)
        : key.by === 'hour' ? row(perHour, key.hour)
        : row(perQueue, key.queue, true);
      if (target) Object.assign(target, figures);
    }
    for (const { figures } of last) Object.assign(previousFigures, figures);

    const names = await this.names([...perAgent.keys()]);
    return {
      timeZone,
      period,
      previous,
      current: total,
      previousFigures,
      targets,
      daily: [...daily].map(([day, figures]) => ({ day, figures })),
      complaintsByType: breakdowns.byType,
      complaintsByWhy: breakdowns.byWhy,
      complaintsByHourAgent: breakdowns.byHourAgent,
      perAgent: [...perAgent].map(([id, figures]) => ({ agent: names.get(id)?.username ?? String(id), name: names.get(id)?.name ?? '', figures }))
        .sort((a, b) => a.agent.localeCompare(b.agent)),
      perQueue: [...perQueue].map(([queue, figures]) => ({ queue, figures })).sort((a, b) => a.queue.localeCompare(b.queue)),
      perHour: [...perHour].map(([hour, figures]) => ({ hour, figures })).sort((a, b) => a.hour - b.hour),
      lowCsat,
    };
  }

  /** The team's targets, every metric present (null: none set). */
  async targets(teamId: number): Promise<Figures> {
    const r = await this.db.query<{ metric: ReportMetricId; value: number }>('SELECT metric, value FROM report_targets WHERE team_id = $1', [teamId]);
    const t = Object.fromEntries(ReportMetricIds.map((m) => [m, null])) as Figures;
    for (const row of r.rows) t[row.metric] = row.value;
    return t;
  }

  /** A lead sets her own team's targets (never another's: the team is her token's). */
  async setTargets(v: Viewer, update: ReportTargetsUpdate): Promise<Figures> {
    if (!policy.canSetReportTargets(v)) throw forbidden('Only the team lead sets the team\'s targets.');
    await setTeamTargets(this.db, v.teamId!, update, v.userId);
    return this.targets(v.teamId!);
  }

  /** What the viewer may see of the scope asked for, or a 403 that says what she may ask for instead. */
  private async authorise(v: Viewer, scope: ReportRequest['scope']): Promise<Who> {
    if (v.teamId === null) throw forbidden('Reports are for people on a team: an administrator has no figures of her own.');
    if (scope.kind === 'me') return { kind: 'me', agentId: v.userId };
    if (!policy.canSeeTeamReports(v)) throw forbidden('Only a team lead sees the team\'s figures: ask for your own (scope "me").');
    if (scope.kind === 'team') return { kind: 'team', teamId: v.teamId };
    if (scope.kind === 'queue') return { kind: 'queue', teamId: v.teamId, queue: scope.queue };
    const agent = await this.db.query<{ id: number; team_id: number | null }>('SELECT id, team_id FROM users WHERE username = $1', [scope.agent]);
    const row = agent.rows[0];
    // Another team's agent and nobody at all are answered alike: the lead learns nothing about other teams.
    if (!row || !policy.canSeeAgentReports(v, row.team_id)) throw forbidden(`${scope.agent.slice(0, 64)} is not on your team: you see only your own team's figures.`);
    return { kind: 'agent', teamId: v.teamId, agentId: row.id };
  }

  private async timeZone(teamId: number): Promise<string> {
    const r = await this.db.query<{ time_zone: string }>('SELECT time_zone FROM teams WHERE id = $1', [teamId]);
    return r.rows[0]?.time_zone ?? 'UTC';
  }

  private async figures(who: Who, span: Span, window: number, breakdown: 'all' | 'totals'): Promise<FigureGroup[]> {
    const parts = await Promise.all([
      callFigures(this.db, who, span, window, breakdown),
      workOrderFigures(this.db, who, span, breakdown),
      csatFigures(this.db, who, span, breakdown),
      callbackFigures(this.db, who, span, breakdown),
      kbFigures(this.db, who, span, breakdown),
    ]);
    return parts.flat();
  }

  private async names(ids: number[]): Promise<Map<number, { username: string; name: string }>> {
    if (!ids.length) return new Map();
    const r = await this.db.query<{ id: number; username: string; display_name: string }>('SELECT id, username, display_name FROM users WHERE id = ANY($1::int[])', [ids]);
    return new Map(r.rows.map((u) => [u.id, { username: u.username, name: u.display_name }]));
  }
}

/** Sets (or, with null, removes) targets of one team: the route's and the admin CLI's one way to write them. */
export async function setTeamTargets(db: Pick<Pool, 'query'>, teamId: number, update: ReportTargetsUpdate, setBy: number | null): Promise<void> {
  for (const [metric, value] of Object.entries(update.targets) as [ReportMetricId, number | null][]) {
    if (value === null) await db.query('DELETE FROM report_targets WHERE team_id = $1 AND metric = $2', [teamId, metric]);
    else {
      await db.query(
        `INSERT INTO report_targets (team_id, metric, value, set_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (team_id, metric) DO UPDATE SET value = excluded.value, set_by = excluded.set_by, set_at = now()`,
        [teamId, metric, value, setBy],
      );
    }
  }
}

