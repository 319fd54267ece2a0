import type { ReportDay } from '../../../src-shared/reports/report-contract';
import { HttpError } from '../../http-error';

const DAY_MS = 86_400_000;
const toMs = (day: ReportDay) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number): ReportDay => new Date(ms).toISOString().slice(0, 10);

/** Calendar arithmetic on days (no clock, no zone): a period's length and the same weekdays before it. */
export function periodOf(from: ReportDay, to: ReportDay): { period: { from: ReportDay; to: ReportDay }; previous: { from: ReportDay; to: ReportDay } } {
  const start = toMs(from);
  const end = toMs(to);
  if (!Number.isFinite(start) || toDay(start) !== from) throw new HttpError(400, 'INVALID_REQUEST', `The report request is not valid: from: ${from} is not a day of the calendar`);
  if (!Number.isFinite(end) || toDay(end) !== to) throw new HttpError(400, 'INVALID_REQUEST', `The report request is not valid: to: ${to} is not a day of the calendar`);
  if (end < start) throw new HttpError(400, 'INVALID_REQUEST', 'The report request is not valid: to: the last day comes before the first (from)');
  const days = (end - start) / DAY_MS + 1;
  if (days > 366) throw new HttpError(400, 'INVALID_REQUEST', `The report request is not valid: to: a report covers at most 366 days, this one ${days}`);
  // Moved back by whole weeks, so Mondays compare with Mondays.
  const shift = Math.ceil(days / 7) * 7 * DAY_MS;
  return { period: { from, to }, previous: { from: toDay(start - shift), to: toDay(end - shift) } };
}
