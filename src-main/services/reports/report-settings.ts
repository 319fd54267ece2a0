import { z } from 'zod';
import { ReportMetricId, type ReportFigures } from '../../../src-shared/reports/report-contract';

/**
 * Targets for "My day" when config.json names none: what a team lead would set an inbound service desk at.
 * Counts (offered, handled, complaints, helped marks) have no default: they grow with the period and the floor's
 * volume, so a fixed number would colour a short day red; a team that wants one sets it.
 */
export const DEFAULT_MY_DAY_TARGETS: ReportFigures = {
  ahtSeconds: 360,
  acwSeconds: 60,
  holdSeconds: 30,
  fcrRate: 0.75,
  csatAverage: 4.2,
  csatTopShare: 0.8,
  lowCsatOpen: 0,
  escalationRate: 0.15,
  slaBreached: 0,
};

/** config.json "reports": the site's time zone (IANA name; default the machine's) and targets per metric. */
export const ReportSettings = z
  .object({
    timeZone: z.string().min(1).max(64).nullable().default(null),
    targets: z.partialRecord(ReportMetricId, z.number().min(0).nullable()).default({}),
  })
  .default({ timeZone: null, targets: {} })
  .transform((r) => ({ timeZone: r.timeZone, targets: { ...DEFAULT_MY_DAY_TARGETS, ...r.targets } as ReportFigures }));
export type ReportSettings = z.infer<typeof ReportSettings>;
