/**
 * The monthly call-volume forecast of the staffing article (001, third article): a weighted moving average of the
 * same month last year and the three months before the forecast month,
 *   n = (same month last year) × 0.055 + (n−3) × 0.185 + (n−2) × 0.315 + (n−1) × 0.445,
 * each month's volume summed from daily volumes with anomalous days removed.
 *
 * A day is anomalous when it sits far from the same weekday around it: its neighbours are the same weekday up to
 * four weeks before and after (at most 8 days, at least 4 needed to judge); with their median m and median
 * absolute deviation MAD, the day is removed when |calls − m| > max(3 × 1.4826 × MAD, 0.25 × m) — three robust
 * standard deviations, and never for a change under a quarter (a flat series has MAD 0). A removed day is filled
 * with m, the volume that weekday normally has, so the month keeps its number of days.
 */
export const FORECAST_WEIGHTS = { sameMonthLastYear: 0.055, threeBefore: 0.185, twoBefore: 0.315, oneBefore: 0.445 } as const;

export interface DailyVolume {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  calls: number;
}

export interface Forecast {
  month: string;
  forecast: number;
  /** The monthly volumes the forecast used, oldest first. */
  months: Record<string, number>;
  removedDays: string[];
}

/** Input the forecast cannot be made from, said so a planner can fix the file. */
export class ForecastError extends Error {}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
const daysIn = (index: number) => new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number) => sorted[i] ?? 0;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** The volume to count for a day: its own, or the weekday's usual volume when the day is anomalous. */
function judgeDay(day: number, calls: number, byDay: Map<number, number>): { calls: number; removed: boolean } {
  const neighbours: number[] = [];
  for (const weeks of [-4, -3, -2, -1, 1, 2, 3, 4]) {
    const value = byDay.get(day + weeks * 7);
    if (value !== undefined) neighbours.push(value);
  }
  if (neighbours.length < 4) return { calls, removed: false };
  const m = median(neighbours);
  const mad = median(neighbours.map((v) => Math.abs(v - m)));
  return Math.abs(calls - m) > Math.max(3 * 1.4826 * mad, 0.25 * m) ? { calls: m, removed: true } : { calls, removed: false };
}

/** Forecasts `month` (YYYY-MM), or without it the month after the last full month of the daily volumes. */
export function forecastMonth(days: DailyVolume[], month?: string): Forecast {
  const byDay = new Map<number, number>();
  for (const d of days) byDay.set(dayNumber(d.date), d.calls);
  const present = (index: number) => {
    const first = dayNumber(`${monthOf(index)}-01`);
    const missing: string[] = [];
    for (let i = 0; i < daysIn(index); i++) if (!byDay.has(first + i)) missing.push(dateOf(first + i));
    return missing;
  };
  let target: number;
  if (month !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ForecastError(`the month must be written YYYY-MM, e.g. 2026-05 (got "${month}")`);
    target = monthIndex(month);
  } else {
    const months = [...new Set(days.map((d) => monthIndex(d.date.slice(0, 7))))].sort((a, b) => b - a);
    const lastFull = months.find((m) => present(m).length === 0);
    if (lastFull === undefined) throw new ForecastError('the file holds no month with a volume for every day; a forecast needs full months');
    target = lastFull + 1;
  }
  const used = [target - 12, target - 3, target - 2, target - 1];
  for (const index of used) {
    const missing = present(index);
    if (missing.length > 0) {
      const list = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
      throw new ForecastError(
        `a forecast for ${monthOf(target)} needs every day of ${used.map(monthOf).join(', ')}; ${monthOf(index)} is missing ${list}`,
      );
    }
  }
  const months: Record<string, number> = {};
  const removedDays: string[] = [];
  for (const index of [...used].sort((a, b) => a - b)) {
    const first = dayNumber(`${monthOf(index)}-01`);
    let total = 0;
    for (let i = 0; i < daysIn(index); i++) {
      const judged = judgeDay(first + i, byDay.get(first + i) ?? 0, byDay);
      if (judged.removed) removedDays.push(dateOf(first + i));
      total += judged.calls;
    }
    months[monthOf(index)] = Math.round(total);
  }
  const volume = (index: number) => months[monthOf(index)] ?? 0;
  const w = FORECAST_WEIGHTS;
  const forecast = Math.round(
    volume(target - 12) * w.sameMonthLastYear + volume(target - 3) * w.threeBefore + volume(target - 2) * w.twoBefore + volume(target - 1) * w.oneBefore,
  );
  return { month: monthOf(target), forecast, months, removedDays };
}

/**
 * Daily rows as read from a file (`date,calls`): each checked, the first bad one named by its line. A forecast from
 * a file with a bad row would be silently wrong, so one bad row stops it.
 */
export function dailyVolumes(rows: Array<{ line: number; fields: Record<string, unknown> } | { line: number; error: string }>): DailyVolume[] {
  const seen = new Map<string, number>();
  const days: DailyVolume[] = [];
  for (const row of rows) {
    if ('error' in row) throw new ForecastError(`line ${row.line}: ${row.error}`);
    if (!('date' in row.fields) || !('calls' in row.fields)) throw new ForecastError('the first line must be the header "date,calls"');
    const date = String(row.fields.date ?? '').trim();
    const callsText = String(row.fields.calls ?? '').trim();
    if (!/^\d{4}-\d\d-\d\d$/.test(date) || dateOf(dayNumber(date)) !== date) {
      throw new ForecastError(`line ${row.line}: "${date.slice(0, 40)}" is not a date written YYYY-MM-DD`);
    }
    if (!/^\d{1,9}$/.test(callsText)) throw new ForecastError(`line ${row.line}: calls must be a whole number of 0 or more (got "${callsText.slice(0, 40)}")`);
    const earlier = seen.get(date);
    if (earlier !== undefined) throw new ForecastError(`line ${row.line}: ${date} is already on line ${earlier}`);
    seen.set(date, row.line);
    days.push({ date, calls: Number(callsText) });
  }
  if (days.length === 0) throw new ForecastError('the file holds no daily volumes; expected a header "date,calls" and one row a day');
  return days;
}
