import { reportMetricInfo, type ReportMetricId } from '../../../src-shared/reports/report-contract';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { translate } from '../../i18n/messages';

/** A metric's figure in the agent's language and its number format. */
export function formatFigure(locale: Locale, metric: ReportMetricId, value: number | null): string {
  if (value === null) return '—';
  switch (reportMetricInfo[metric].unit) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'share':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'score':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
    case 'seconds':
      return seconds(locale, value);
  }
}

function seconds(locale: Locale, value: number): string {
  const whole = Math.round(value);
  if (whole < 60) return translate(locale, 'reports.seconds', { value: whole });
  return translate(locale, 'reports.minutesSeconds', { minutes: Math.floor(whole / 60), seconds: String(whole % 60).padStart(2, '0') });
}

/** A calendar day (YYYY-MM-DD) as the locale writes a short date; the day is a date, not an instant. */
export function formatDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatSigned(locale: Locale, value: number, style: 'percent' | 'decimal'): string {
  return new Intl.NumberFormat(locale, { style, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

export function formatInstant(locale: Locale, at: number, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(at));
}
