/**
 * Days and hours in the site's time zone for SQL that has no time-zone database. The period is cut into pieces,
 * each inside one local day and at one UTC offset (a DST change splits its day in two), and the queries join their
 * timestamps to these pieces: local day and hour then follow from the piece, so a DST change neither loses nor
 * doubles an hour, and a call belongs to the day it started in.
 */

export interface SitePiece {
  /** Index of the local day, 0 for the first day of the range. */
  dayIndex: number;
  day: string;
  /** [start, end) in epoch ms. */
  start: number;
  end: number;
  /** Local time minus UTC, in ms, throughout the piece. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (the setting is checked before any report runs). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The machine's zone, the default site time zone. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Local time minus UTC at an instant, in ms (whole seconds, as the tz database has them). */
export function offsetAt(timeZone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - Math.floor(at / 1000) * 1000;
}

/** Day arithmetic on YYYY-MM-DD (calendar days, no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first instant of a local day (where midnight is skipped by a DST change, the first instant after it). */
export function dayStart(timeZone: string, day: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const local = (t: number) => t + offsetAt(timeZone, t);
  let guess = wall - offsetAt(timeZone, wall);
  guess = wall - offsetAt(timeZone, guess);
  if (local(guess) === wall) return guess;
  // Midnight inside a forward gap: the first instant whose wall clock is past it (offsets lie within ±15 h).
  let lo = wall - 15 * 3_600_000;
  let hi = wall + 15 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (local(mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The pieces of the local days from..to (inclusive). A year of days is cut on every report (twice: the period and
 * the one before), and each `offsetAt` is an Intl call of several µs, so a day whose offset does not change costs
 * two of them: its next midnight is taken as the wall clock minus the day's offset, which is right when the offset
 * there (and just before it) is still that one. Any other day (a DST change, a skipped midnight) is cut as before.
 */
export function sitePieces(timeZone: string, from: string, to: string): SitePiece[] {
  const pieces: SitePiece[] = [];
  const count = daysBetween(from, to) + 1;
  let start = dayStart(timeZone, from);
  let offset = offsetAt(timeZone, start);
  for (let i = 0; i < count; i++) {
    const day = addDays(from, i);
    const next = addDays(day, 1);
    const guess = Date.parse(`${next}T00:00:00Z`) - offset;
    if (offsetAt(timeZone, guess - 1) === offset && offsetAt(timeZone, guess) === offset) {
      pieces.push({ dayIndex: i, day, start, end: guess, offset });
      start = guess;
      continue;
    }
    const end = dayStart(timeZone, next);
    let s = start;
    while (s < end) {
      const o = offsetAt(timeZone, s);
      const e = offsetAt(timeZone, end - 1) === o ? end : firstChange(timeZone, s, end - 1, o);
      pieces.push({ dayIndex: i, day, start: s, end: e, offset: o });
      s = e;
    }
    start = end;
    offset = offsetAt(timeZone, start);
  }
  return pieces;
}

/** The first instant in (lo, hi] whose offset differs from `offset` (there is one). */
function firstChange(timeZone: string, lo: number, hi: number, offset: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(timeZone, mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}
