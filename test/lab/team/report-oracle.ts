import { ReportMetricIds, type ReportMetricId } from '../../../src-shared/reports/report-contract';

/**
 * The report test's own arithmetic: what every figure must be, computed in plain JavaScript over the seed lists
 * (never with the server's SQL). Days and hours are read with Intl in the site's zone.
 */
export interface SeedCall { team: string; agent: string; at: number; inbound: boolean; answered: boolean; customer: string | null; queue: string; durationS: number; holdS: number; acwS: number }
export interface SeedScore { csat: number; at: number }
export interface SeedWorkOrder {
  displayId: string; team: string; agent: string; at: number; route: 'first-contact' | 'specialist' | 'complaints-lead'; type: string; why: string[];
  dueAt: number; resolvedAt: number | null; followUps: SeedScore[]; ownCsat: number | null;
  /** The queue of the call it was filed on; null: filed with no call (in no queue). */
  queue: string | null;
}
export interface SeedCallback { team: string; agent: string; dueAt: number; windowEnd: number | null; doneAt: number | null }
export interface SeedMark { team: string; agent: string; at: number; helped: boolean }
export interface Seed { calls: SeedCall[]; workOrders: SeedWorkOrder[]; callbacks: SeedCallback[]; marks: SeedMark[] }
export type Figures = Record<ReportMetricId, number | null>;

export function localOf(ms: number, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

const share = (part: number, whole: number) => (whole ? part / whole : null);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Whether a call is a first-call resolution: no inbound call from the customer within `window` days after it. */
function resolvedOnFirstCall(call: SeedCall, all: SeedCall[], tz: string, window: number): boolean {
  const next = all.filter((c) => c.inbound && c.customer === call.customer && c.at > call.at).sort((a, b) => a.at - b.at)[0];
  return !next || dayNumber(localOf(next.at, tz).day) - dayNumber(localOf(call.at, tz).day) > window;
}

/**
 * The figures of the rows given (already chosen for a scope, period and group). A queue (`queue`) measures its calls
 * and the work orders filed on them; callbacks and helped marks have no queue, so they stay null.
 */
export function figuresOf(seed: Seed, allCalls: SeedCall[], tz: string, window: number, now: number, calls = true, work = true, queue = false): Figures {
  const f = Object.fromEntries(ReportMetricIds.map((m) => [m, null])) as Figures;
  if (calls) {
    const inbound = seed.calls.filter((c) => c.inbound);
    const handled = inbound.filter((c) => c.answered);
    const known = handled.filter((c) => c.customer !== null);
    Object.assign(f, {
      offered: inbound.length,
      handled: handled.length,
      ahtSeconds: mean(handled.map((c) => c.durationS + c.acwS)),
      acwSeconds: mean(handled.map((c) => c.acwS)),
      holdSeconds: mean(handled.map((c) => c.holdS)),
      fcrRate: share(known.filter((c) => resolvedOnFirstCall(c, allCalls, tz, window)).length, known.length),
    });
  }
  if (work) {
    const wos = seed.workOrders;
    const scores = wos.flatMap((w) => {
      const rated = w.followUps.map((s) => ({ ...s, w }));
      return rated.length ? rated : w.ownCsat !== null ? [{ csat: w.ownCsat, at: w.at, w }] : [];
    });
    Object.assign(f, {
      complaints: wos.length,
      escalationRate: share(wos.filter((w) => w.route !== 'first-contact').length, wos.length),
      slaMet: wos.filter((w) => w.resolvedAt !== null && w.resolvedAt <= w.dueAt).length,
      slaBreached: wos.filter((w) => (w.resolvedAt !== null && w.resolvedAt > w.dueAt) || (w.resolvedAt === null && w.dueAt < now)).length,
      csatAverage: mean(scores.map((s) => s.csat)),
      csatTopShare: share(scores.filter((s) => s.csat >= 4).length, scores.length),
      lowCsatOpen: scores.filter((s) => s.csat <= 2 && !s.w.followUps.some((g) => g.at > s.at)).length,
    });
  }
  if (work && !queue) {
    Object.assign(f, {
      callbacksPromised: seed.callbacks.length,
      callbacksKept: seed.callbacks.filter((c) => c.doneAt !== null && c.doneAt <= (c.windowEnd ?? c.dueAt)).length,
      kbHelped: seed.marks.filter((m) => m.helped).length,
    });
  }
  return f;
}

/** The rows of a seed that fall in [from, to] (days in the zone) and pass a filter, each table by its own time. */
export function pick(seed: Seed, tz: string, from: string, to: string, keep: (row: { team: string; agent: string; queue?: string | null }, at: number) => boolean): Seed {
  const inside = (at: number) => {
    const d = localOf(at, tz).day;
    return d >= from && d <= to;
  };
  return {
    calls: seed.calls.filter((c) => inside(c.at) && keep(c, c.at)),
    workOrders: seed.workOrders.filter((w) => inside(w.at) && keep(w, w.at)),
    callbacks: seed.callbacks.filter((c) => inside(c.dueAt) && keep(c, c.dueAt)),
    marks: seed.marks.filter((m) => inside(m.at) && keep(m, m.at)),
  };
}
