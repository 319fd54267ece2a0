import { describe, expect, it } from 'vitest';
import { dailyVolumes, forecastMonth, type DailyVolume } from './forecast';

// A center whose days follow the week: Monday busiest, Sunday quietest (index = getUTCDay(), Sunday 0).
const WEEK = [400, 1200, 1000, 960, 940, 900, 600];
const SPIKE = '2026-02-09'; // a Monday with an outage: three times the calls
const HOLIDAY = '2026-03-05'; // a Thursday the center was nearly idle
const SMALL_BUMP_DAY = 15; // the 15th of each month runs 5 % over: ordinary variation, never removed

function usual(date: string): number {
  const base = WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 0;
  return Number(date.slice(8)) === SMALL_BUMP_DAY ? base * 1.05 : base;
}

function days(from: string, to: string): DailyVolume[] {
  const out: DailyVolume[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const calls = date === SPIKE ? usual(date) * 3 : date === HOLIDAY ? 30 : usual(date);
    out.push({ date, calls });
  }
  return out;
}

/** A month's volume as the article counts it, summed by hand: anomalous days counted at their weekday's usual. */
function monthVolume(month: string): number {
  const [y = 0, m = 0] = month.split('-').map(Number);
  let total = 0;
  for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) total += usual(`${month}-${String(d).padStart(2, '0')}`);
  return total;
}

describe('monthly volume forecast (weighted moving average, anomalous days removed)', () => {
  const history = days('2025-01-01', '2026-05-10');

  it('forecasts the month after the last full month from last year and the three months before', () => {
    const result = forecastMonth(history);
    const v = { lastYear: monthVolume('2025-05'), feb: monthVolume('2026-02'), mar: monthVolume('2026-03'), apr: monthVolume('2026-04') };
    expect(result.month).toBe('2026-05');
    expect(result.months).toEqual({ '2025-05': v.lastYear, '2026-02': v.feb, '2026-03': v.mar, '2026-04': v.apr });
    expect(result.forecast).toBe(Math.round(v.lastYear * 0.055 + v.feb * 0.185 + v.mar * 0.315 + v.apr * 0.445));
    expect(result.removedDays).toEqual([SPIKE, HOLIDAY]);
  });

  it('forecasts a named month, and names the month it lacks', () => {
    expect(forecastMonth(history, '2026-04').months).toEqual({
      '2025-04': monthVolume('2025-04'),
      '2026-01': monthVolume('2026-01'),
      '2026-02': monthVolume('2026-02'),
      '2026-03': monthVolume('2026-03'),
    });
    expect(() => forecastMonth(history, '2025-06')).toThrow(/needs every day of 2024-06, 2025-03, 2025-04, 2025-05; 2024-06 is missing 2024-06-01, 2024-06-02, 2024-06-03 and 27 more/);
    const gap = history.filter((d) => d.date !== '2026-03-17');
    expect(() => forecastMonth(gap, '2026-05')).toThrow(/2026-03 is missing 2026-03-17$/);
    expect(() => forecastMonth(history, '2026-13')).toThrow(/YYYY-MM/);
  });

  it('a bad row stops the forecast and names its line', () => {
    const row = (line: number, date: string, calls: string) => ({ line, fields: { date, calls } });
    expect(dailyVolumes([row(2, '2026-01-01', '10'), row(3, '2026-01-02', '11')])).toEqual([
      { date: '2026-01-01', calls: 10 },
      { date: '2026-01-02', calls: 11 },
    ]);
    expect(() => dailyVolumes([row(2, '2026-01-01', '10'), row(3, '2026-02-30', '5')])).toThrow('line 3: "2026-02-30" is not a date written YYYY-MM-DD');
    expect(() => dailyVolumes([row(2, '2026-01-01', '-4')])).toThrow(/line 2: calls must be a whole number/);
    expect(() => dailyVolumes([row(2, '2026-01-01', '1'), row(7, '2026-01-01', '2')])).toThrow('line 7: 2026-01-01 is already on line 2');
    expect(() => dailyVolumes([{ line: 4, error: 'Invalid Record Length' }])).toThrow('line 4: Invalid Record Length');
    expect(() => dailyVolumes([{ line: 2, fields: { day: '2026-01-01', n: '3' } }])).toThrow(/header "date,calls"/);
    expect(() => dailyVolumes([])).toThrow(/no daily volumes/);
  });
});
