/**
 * What a report screen asks for and gets back, the same from the desktop's own cache ("My day", SQLite) and from
 * the team server (a lead's "Reports", PostgreSQL). Every figure is computed in the database; this module only
 * names the metrics, their units and which way is better, so both sides and the screens agree on meaning.
 */
import { z } from 'zod';

/**
 * The metrics of the reports (DOMAIN.md items 6–8). Each one's formula is written beside it in the UI
 * (i18n key `reports.formula.<id>`):
 * - offered: calls that rang at an agent (answered or not); handled: calls answered.
 * - ahtSeconds: (talk + hold + after-call work) / handled. acwSeconds, holdSeconds: their averages per handled call.
 * - fcrRate: handled inbound calls whose customer did not call again within `fcrWindowDays` days / handled inbound
 *   calls with a known customer (a call on day N+window still counts as a repeat; day N+window+1 does not).
 * - csatAverage: average of CSAT scores (1–5) recorded for the period's work orders and callbacks;
 *   csatTopShare: share of those scores that are 4 or 5; lowCsatOpen: scores 1–2 with no follow-up done.
 * - escalationRate: work orders routed to a specialist or the complaints lead / work orders filed.
 * - complaints: complaint work orders filed.
 * - slaMet / slaBreached: work orders resolved by their deadline / resolved after it or still open past it.
 * - callbacksPromised / callbacksKept: callbacks due in the period / done within their window (by due time when
 *   no window end).
 * - kbHelped: "this article helped" marks.
 */
export const ReportMetricIds = [
  'offered',
  'handled',
  'ahtSeconds',
  'acwSeconds',
  'holdSeconds',
  'fcrRate',
  'csatAverage',
  'csatTopShare',
  'lowCsatOpen',
  'escalationRate',
  'complaints',
  'slaMet',
  'slaBreached',
  'callbacksPromised',
  'callbacksKept',
  'kbHelped',
] as const;
export const ReportMetricId = z.enum(ReportMetricIds);
export type ReportMetricId = z.infer<typeof ReportMetricId>;

export type ReportUnit = 'count' | 'seconds' | 'share' | 'score';
/** Unit and the direction that is good (for the tile's colour against target and against last period). */
export const reportMetricInfo: Record<ReportMetricId, { unit: ReportUnit; better: 'higher' | 'lower' }> = {
  offered: { unit: 'count', better: 'higher' },
  handled: { unit: 'count', better: 'higher' },
  ahtSeconds: { unit: 'seconds', better: 'lower' },
  acwSeconds: { unit: 'seconds', better: 'lower' },
  holdSeconds: { unit: 'seconds', better: 'lower' },
  fcrRate: { unit: 'share', better: 'higher' },
  csatAverage: { unit: 'score', better: 'higher' },
  csatTopShare: { unit: 'share', better: 'higher' },
  lowCsatOpen: { unit: 'count', better: 'lower' },
  escalationRate: { unit: 'share', better: 'lower' },
  complaints: { unit: 'count', better: 'lower' },
  slaMet: { unit: 'count', better: 'higher' },
  slaBreached: { unit: 'count', better: 'lower' },
  callbacksPromised: { unit: 'count', better: 'higher' },
  callbacksKept: { unit: 'count', better: 'higher' },
  kbHelped: { unit: 'count', better: 'higher' },
};

/** A calendar day in the site's time zone. */
export const ReportDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a day is YYYY-MM-DD');
export type ReportDay = z.infer<typeof ReportDay>;

/** Whose figures: the asking agent's own, the whole team (a lead), one queue of the team, or one agent of it. */
export const ReportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('me') }).strict(),
  z.object({ kind: z.literal('team') }).strict(),
  z.object({ kind: z.literal('queue'), queue: z.string().trim().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('agent'), agent: z.string().trim().min(1).max(64) }).strict(),
]);
export type ReportScope = z.infer<typeof ReportScope>;

export const ReportRequest = z
  .object({
    /** First and last day of the period, inclusive, in the site's time zone; at most 366 days. */
    from: ReportDay,
    to: ReportDay,
    scope: ReportScope,
    /** A repeat call within this many days means the first was not resolved (default 7). */
    fcrWindowDays: z.number().int().min(1).max(30).default(7),
  })
  .strict();
export type ReportRequest = z.input<typeof ReportRequest>;

/** One metric's figures; null where nothing was there to measure (no calls: no handle time). */
const Figures = z.record(ReportMetricId, z.number().nullable());
export type ReportFigures = Partial<Record<ReportMetricId, number | null>>;

export const ReportResult = z.object({
  /** The site's IANA time zone, in which days and hours are counted. */
  timeZone: z.string(),
  period: z.object({ from: ReportDay, to: ReportDay }),
  /** The same weekdays one period earlier: the period moved back by its length rounded up to whole weeks. */
  previous: z.object({ from: ReportDay, to: ReportDay }),
  current: Figures,
  previousFigures: Figures,
  /** Targets per metric as configured (the team server's for a team, the desktop's settings for "My day"). */
  targets: Figures,
  /** Per day of the period, for the trend charts. */
  daily: z.array(z.object({ day: ReportDay, figures: Figures })),
  /** Complaints per day by type and by why-tag (a complaint with two why-tags counts under each). */
  complaintsByType: z.array(z.object({ day: ReportDay, type: z.string(), count: z.number().int() })),
  complaintsByWhy: z.array(z.object({ day: ReportDay, tag: z.string(), count: z.number().int() })),
  /** Complaints filed by hour of day (0–23, site time) × agent: the heatmap. */
  complaintsByHourAgent: z.array(z.object({ hour: z.number().int().min(0).max(23), agent: z.string(), count: z.number().int() })),
  /** Rankings and breakdowns; perAgent holds only the asking agent's row for scope "me". */
  perAgent: z.array(z.object({ agent: z.string(), name: z.string(), figures: Figures })),
  perQueue: z.array(z.object({ queue: z.string(), figures: Figures })),
  perHour: z.array(z.object({ hour: z.number().int().min(0).max(23), figures: Figures })),
  /** Low scores (1–2) still without a follow-up, to act on. */
  lowCsat: z.array(z.object({ workOrder: z.string(), agent: z.string(), csat: z.number().int(), at: z.number() })),
});
export type ReportResult = z.infer<typeof ReportResult>;

/**
 * Where the main process gets a report: the desktop's own cache (no team server, or scope "me" while offline) or
 * the team server's POST /v1/reports (a ReportRequest as the JSON body; it checks who may see what: an agent only
 * "me", a lead her team).
 */
export interface ReportSource {
  get(request: z.output<typeof ReportRequest>): Promise<ReportResult>;
}

/** The range each target may take, by the metric's unit: a share is 0–1, a CSAT score 1–5, the rest ≥ 0. */
const targetRange: Record<ReportUnit, [number, number]> = { share: [0, 1], score: [1, 5], count: [0, 1e9], seconds: [0, 86_400] };

/**
 * A team lead's targets (PUT /v1/reports/targets): each metric named sets its target, null removes it; metrics
 * not named keep theirs.
 */
export const ReportTargetsUpdate = z
  .object({
    targets: z.partialRecord(ReportMetricId, z.number().finite().nullable()).refine((t) => Object.keys(t).length > 0, 'name at least one metric'),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const [metric, value] of Object.entries(body.targets)) {
      if (value === null || value === undefined) continue;
      const [min, max] = targetRange[reportMetricInfo[metric as ReportMetricId].unit];
      if (value < min || value > max) ctx.addIssue({ code: 'custom', path: ['targets', metric], message: `a target for ${metric} is between ${min} and ${max}` });
    }
  });
export type ReportTargetsUpdate = z.infer<typeof ReportTargetsUpdate>;
export const ReportTargetsResponse = z.object({ targets: Figures });
export type ReportTargetsResponse = z.infer<typeof ReportTargetsResponse>;
