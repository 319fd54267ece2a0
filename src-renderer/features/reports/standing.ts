import { reportMetricInfo, type ReportMetricId } from '../../../src-shared/reports/report-contract';

export type Standing = 'good' | 'near' | 'bad';

/** Within a tenth of the target on the wrong side is "near"; a target of 0 (none open) has no near. */
const NEAR = 0.1;

/** Where a figure stands against its target, the way the metric is better (higher or lower). */
export function standing(metric: ReportMetricId, value: number | null, target: number | null): Standing | null {
  if (value === null || target === null) return null;
  if (reportMetricInfo[metric].better === 'higher') return value >= target ? 'good' : value >= target * (1 - NEAR) ? 'near' : 'bad';
  return value <= target ? 'good' : value <= target * (1 + NEAR) ? 'near' : 'bad';
}

/**
 * The change against the previous period: a share in percentage points, anything else relative to before (null
 * when there was nothing before to compare with). `better` says whether the change is good news.
 */
export function change(metric: ReportMetricId, now: number | null, before: number | null): { kind: 'points' | 'relative'; value: number; better: boolean | null } | null {
  if (now === null || before === null) return null;
  const info = reportMetricInfo[metric];
  const delta = now - before;
  const better = delta === 0 ? null : (delta > 0) === (info.better === 'higher');
  if (info.unit === 'share') return { kind: 'points', value: delta * 100, better };
  if (before === 0) return null;
  return { kind: 'relative', value: delta / before, better };
}
