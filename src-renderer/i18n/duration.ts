import type { Locale } from '../../src-shared/domain/screen-pop';
import { translate } from './messages';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * A span of time as an agent reads it at a glance: "3 h 05 min" under a day; past a day, days and whole hours
 * ("1 d 6 h", "17 d"), since minutes no longer matter and "408 h 00 min" has to be worked out.
 */
export function durationText(locale: Locale, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < DAY_MS) {
    const hours = Math.floor(abs / HOUR_MS);
    const minutes = String(Math.floor((abs % HOUR_MS) / MINUTE_MS)).padStart(2, '0');
    return translate(locale, 'duration.hoursMinutes', { hours, minutes });
  }
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  return hours === 0 ? translate(locale, 'duration.days', { days }) : translate(locale, 'duration.daysHours', { days, hours });
}

/** The SLA countdown of a work order: time left to its deadline, or how long it is overdue. */
export function slaCountdownText(locale: Locale, dueAt: number, now: number): string {
  const left = dueAt - now;
  return translate(locale, left < 0 ? 'wo.slaOverdue' : 'wo.slaLeft', { duration: durationText(locale, left) });
}
