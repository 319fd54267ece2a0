import type { ReportScope } from '../../../src-shared/reports/report-contract';

export type PeriodPreset = 'today' | 'week' | 'month';
export type ReportView = 'team' | 'agent' | 'queue' | 'hour';

/** A calendar day on this computer's clock (the site's zone defaults to it; main counts in the site's zone). */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function minusDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

/** Today; the last 7 or 30 days, today included (what a shift starts by looking at). */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const days = preset === 'today' ? 1 : preset === 'week' ? 7 : 30;
  return { from: minusDays(today, days - 1), to: today };
}

/** "My day" asks for her own figures only; the lead's team view asks for the team (breakdowns come with it). */
export function scopeFor(mode: 'my-day' | 'team'): ReportScope {
  return mode === 'my-day' ? { kind: 'me' } : { kind: 'team' };
}
