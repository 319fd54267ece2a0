import type { z } from 'zod';
import { ContractError } from '../../../src-shared/contract';
import {
  ReportMetricIds,
  type ReportFigures,
  type ReportMetricId,
  type ReportRequest,
  type ReportResult,
  type ReportSource,
} from '../../../src-shared/reports/report-contract';
import type { Db } from '../db/database';
import { reportPeriods } from './report-period';
import {
  callbackFigures,
  callFigures,
  complaintCharts,
  kbFigures,
  workOrderFigures,
  type Bucket,
  type CallbackFigureRow,
  type CallFigureRow,
  type Grouped,
  type KbFigureRow,
  type WorkOrderFigureRow,
} from './report-queries';
import { addDays, isTimeZone, sitePieces } from './site-time';

export interface LocalReportsOptions {
  db: Db;
  now?: () => number;
  /** The names she is known by: her extension (call records) and her team-server user name (work orders). */
  me: () => { names: string[]; display: string };
  settings: () => { timeZone: string; targets: ReportFigures };
}

/** One bucket's row of each family. */
interface Families {
  calls?: CallFigureRow;
  orders?: WorkOrderFigureRow;
  callbacks?: CallbackFigureRow;
  kb?: KbFigureRow;
}

/** Every row of each family, all groupings (tagged by `grp`). */
type FamilyRows = { [F in keyof Families]?: NonNullable<Families[F]>[] };

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** One bucket's figures from its families' rows: counts are 0 where nothing happened, averages and shares null. */
function figuresOf(f: Families): Record<ReportMetricId, number | null> {
  const c = f.calls;
  const o = f.orders;
  return {
    offered: c?.offered ?? 0,
    handled: c?.handled ?? 0,
    ahtSeconds: c?.aht ?? null,
    acwSeconds: c?.acw ?? null,
    holdSeconds: c?.hold ?? null,
    fcrRate: c ? share(c.fcr_kept, c.fcr_base) : null,
    csatAverage: o?.csat_avg ?? null,
    csatTopShare: o?.csat_top ?? null,
    lowCsatOpen: o?.low_open ?? 0,
    escalationRate: o ? share(o.escalated, o.filed) : null,
    complaints: o?.complaints ?? 0,
    slaMet: o?.sla_met ?? 0,
    slaBreached: o?.sla_breached ?? 0,
    callbacksPromised: f.callbacks?.promised ?? 0,
    callbacksKept: f.callbacks?.kept ?? 0,
    kbHelped: f.kb?.helped ?? 0,
  };
}

/**
 * "My day" from the desktop's own cache: the asking agent's figures only, every one aggregated by SQLite. Days
 * and hours are the site's (config.json reports.timeZone, default the machine's zone).
 */
export class LocalReports implements ReportSource {
  private readonly queries;
  private readonly now: () => number;

  constructor(private readonly options: LocalReportsOptions) {
    const db = options.db;
    this.now = options.now ?? Date.now;
    // Each family is one statement answering every grouping of the period (its rows read once); the period
    // before needs its totals only.
    const all: Bucket[] = ['total', 'day', 'hour', 'queue'];
    const spread: Bucket[] = ['total', 'day', 'hour'];
    this.queries = {
      calls: callFigures(db, all),
      orders: workOrderFigures(db, all),
      callbacks: callbackFigures(db, spread),
      kb: kbFigures(db, spread),
      callsTotal: callFigures(db, ['total']),
      ordersTotal: workOrderFigures(db, ['total']),
      callbacksTotal: callbackFigures(db, ['total']),
      kbTotal: kbFigures(db, ['total']),
      charts: complaintCharts(db),
    };
  }

  get(request: z.output<typeof ReportRequest>): Promise<ReportResult> {
    try {
      return Promise.resolve(this.compute(request));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  private compute(request: z.output<typeof ReportRequest>): ReportResult {
    if (request.scope.kind !== 'me') {
      throw new ContractError('UNAVAILABLE', 'Team reports need the team server.', undefined, { key: 'mainError.reports.needTeamServer' });
    }
    const { timeZone, targets } = this.options.settings();
    if (!isTimeZone(timeZone)) {
      throw new ContractError('FAILED', `The site time zone "${timeZone}" is not one this computer knows.`, undefined, {
        key: 'mainError.reports.badTimeZone',
        params: { timeZone },
      });
    }
    const { period, previous } = reportPeriods(request.from, request.to);
    const me = this.options.me();
    const base = { me: JSON.stringify(me.names), name: me.display, now: this.now() };
    const current = { ...base, pieces: this.pieces(timeZone, period, request.fcrWindowDays) };
    const before = { ...base, pieces: this.pieces(timeZone, previous, request.fcrWindowDays) };
    const q = this.queries;
    const rows = { calls: q.calls(current), orders: q.orders(current), callbacks: q.callbacks(current), kb: q.kb(current) };
    const grouped = (grp: Bucket) => collect(rows, grp);
    const days = grouped('day');
    const mine = figuresOf(grouped('total').get('all') ?? {});
    const earlier = collect({ calls: q.callsTotal(before), orders: q.ordersTotal(before), callbacks: q.callbacksTotal(before), kb: q.kbTotal(before) }, 'total');
    const complaints = q.charts.complaints(current);
    const dayList: string[] = [];
    for (let d = period.from; d <= period.to; d = addDays(d, 1)) dayList.push(d);
    return {
      timeZone,
      period,
      previous,
      current: mine,
      previousFigures: figuresOf(earlier.get('all') ?? {}),
      targets: Object.fromEntries(ReportMetricIds.map((id) => [id, targets[id] ?? null])) as Record<ReportMetricId, number | null>,
      daily: dayList.map((day) => ({ day, figures: figuresOf(days.get(day) ?? {}) })),
      complaintsByType: complaints.byType,
      complaintsByWhy: complaints.byWhy,
      complaintsByHourAgent: complaints.byHourAgent,
      // Her own row only: the totals (her calls and her work orders may be under two names, see `me`).
      perAgent: [{ agent: me.display, name: me.display, figures: mine }],
      // Her calls by the queue each came in on, her work orders by the queue of the call each was filed on (one
      // filed with no call is in no queue).
      perQueue: [...collect({ calls: rows.calls, orders: rows.orders.filter((row) => row.bucket !== '') }, 'queue')]
        .map(([queue, f]) => ({ queue, figures: figuresOf(f) }))
        .sort((a, b) => a.queue.localeCompare(b.queue)),
      perHour: [...grouped('hour')].map(([hour, f]) => ({ hour: Number(hour), figures: figuresOf(f) })).sort((a, b) => a.hour - b.hour),
      lowCsat: q.charts.lowCsat(current),
    };
  }

  /** The period's pieces as JSON rows [dayIndex, day, start, end, offset, end of the repeat window]. */
  private pieces(timeZone: string, period: { from: string; to: string }, fcrWindowDays: number): string {
    const days = sitePieces(timeZone, period.from, addDays(period.to, fcrWindowDays));
    const dayEnd = new Map<number, number>();
    for (const p of days) dayEnd.set(p.dayIndex, p.end);
    const last = days.findLast((p) => p.day === period.to)!.dayIndex;
    return JSON.stringify(
      days.filter((p) => p.dayIndex <= last).map((p) => [p.dayIndex, p.day, p.start, p.end, p.offset, dayEnd.get(p.dayIndex + fcrWindowDays)!]),
    );
  }
}

/** Each family's rows of one grouping, by bucket (merging what SQL aggregated, not aggregating rows). */
function collect(families: FamilyRows, grp: Bucket): Map<string, Families> {
  const out = new Map<string, Families>();
  for (const [family, rows] of Object.entries(families) as [keyof Families, Grouped[]][]) {
    for (const row of rows) {
      if (row.grp !== grp) continue;
      const key = String(row.bucket);
      const entry = out.get(key) ?? {};
      (entry as Record<string, unknown>)[family] = row;
      out.set(key, entry);
    }
  }
  return out;
}
