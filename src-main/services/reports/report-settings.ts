import { z } from 'zod';
import { ReportMetricId, type ReportFigures } from '../../../src-shared/reports/report-contract';
import { DEFAULT_REPORT_TARGETS } from '../../../src-shared/reports/report-targets';

/** config.json "reports": the site's time zone (IANA name; default the machine's) and targets per metric (default: the team's). */
export const ReportSettings = z
  .object({
    timeZone: z.string().min(1).max(64).nullable().default(null),
    targets: z.partialRecord(ReportMetricId, z.number().min(0).nullable()).default({}),
  })
  .default({ timeZone: null, targets: {} })
  .transform((r) => ({ timeZone: r.timeZone, targets: { ...DEFAULT_REPORT_TARGETS, ...r.targets } as ReportFigures }));
export type ReportSettings = z.infer<typeof ReportSettings>;
