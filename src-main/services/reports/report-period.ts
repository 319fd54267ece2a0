import { ContractError } from '../../../src-shared/contract';
import { addDays, daysBetween } from './site-time';

export interface ReportPeriods {
  period: { from: string; to: string };
  /** The same weekdays one period earlier: moved back by the period's length rounded up to whole weeks. */
  previous: { from: string; to: string };
  days: number;
}

const MAX_DAYS = 366;

/** Checks the asked period and finds the previous one to compare with. */
export function reportPeriods(from: string, to: string): ReportPeriods {
  // A day that rolls over (2026-02-30 parses as 2 March) does not exist either.
  const exists = (day: string) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!exists(from) || !exists(to)) {
    throw new ContractError('INVALID_REQUEST', `The period ${from}…${to} has a day that does not exist.`, undefined, { key: 'mainError.reports.badPeriod' });
  }
  const days = daysBetween(from, to) + 1;
  if (days < 1 || days > MAX_DAYS) {
    throw new ContractError('INVALID_REQUEST', `A report covers 1 to ${MAX_DAYS} days, from its first day to its last; ${from}…${to} does not.`, undefined, {
      key: 'mainError.reports.badPeriod',
    });
  }
  const shift = Math.ceil(days / 7) * 7;
  return { period: { from, to }, previous: { from: addDays(from, -shift), to: addDays(to, -shift) }, days };
}
