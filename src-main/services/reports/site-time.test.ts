import { describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, dayStart, offsetAt, sitePieces } from './site-time';

const iso = (t: number) => new Date(t).toISOString();

describe('site days and hours', () => {
  it('a spring-forward day in New York is 23 hours, cut where the clock jumps', () => {
    const pieces = sitePieces('America/New_York', '2026-03-07', '2026-03-09');
    expect(pieces.map((p) => [p.day, iso(p.start), iso(p.end), p.offset / 3_600_000])).toEqual([
      ['2026-03-07', '2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z', -5],
      ['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-08T07:00:00.000Z', -5],
      ['2026-03-08', '2026-03-08T07:00:00.000Z', '2026-03-09T04:00:00.000Z', -4],
      ['2026-03-09', '2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z', -4],
    ]);
  });

  it('a fall-back day in London is 25 hours', () => {
    const [a, b] = sitePieces('Europe/London', '2026-10-25', '2026-10-25');
    expect(b!.end - a!.start).toBe(25 * 3_600_000);
    expect(iso(a!.end)).toBe('2026-10-25T01:00:00.000Z');
  });

  it('where midnight itself is skipped, the day starts at the jump', () => {
    // Chile moves its clocks at local midnight: 2026-09-06 00:00 does not exist in Santiago.
    expect(iso(dayStart('America/Santiago', '2026-09-06'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('a year of days is cut quickly enough to do on every report', () => {
    const t = performance.now();
    const pieces = sitePieces('Europe/London', '2025-01-01', '2026-01-31');
    expect(pieces.length).toBe(396 + 2);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

/** The cut as it was before the fast path: every day from `dayStart`, every change found by bisection. */
function piecesAsBefore(timeZone: string, from: string, to: string) {
  const pieces: { dayIndex: number; day: string; start: number; end: number; offset: number }[] = [];
  const count = daysBetween(from, to) + 1;
  let start = dayStart(timeZone, from);
  for (let i = 0; i < count; i++) {
    const day = addDays(from, i);
    const end = dayStart(timeZone, addDays(day, 1));
    let s = start;
    while (s < end) {
      const offset = offsetAt(timeZone, s);
      let e = end;
      if (offsetAt(timeZone, end - 1) !== offset) {
        let lo = s;
        let hi = end - 1;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (offsetAt(timeZone, mid) === offset) lo = mid;
          else hi = mid;
        }
        e = hi;
      }
      pieces.push({ dayIndex: i, day, start: s, end: e, offset });
      s = e;
    }
    start = end;
  }
  return pieces;
}

describe('a year of site days, cut on every report', () => {
  // DST forward and back at 02:00 or at midnight, half-hour offsets and half-hour DST, both hemispheres, no DST.
  const zones = ['America/New_York', 'Europe/London', 'America/Santiago', 'America/Havana', 'Asia/Beirut', 'Australia/Lord_Howe',
    'Pacific/Chatham', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Shanghai', 'Asia/Bangkok', 'Africa/Casablanca', 'America/Asuncion', 'UTC'];

  it.each(zones)('%s: the same pieces as day-by-day bisection, 2024 to 2026', (zone) => {
    expect(sitePieces(zone, '2024-01-01', '2026-12-31')).toEqual(piecesAsBefore(zone, '2024-01-01', '2026-12-31'));
  });

  it('asks Intl about two instants a day where the offset does not change (it was about five)', () => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      sitePieces('America/New_York', '2025-01-01', '2025-12-31');
      // 365 days, two DST changes (each bisected, ~17 steps) and the first day's start.
      expect(formatToParts.mock.calls.length).toBeLessThan(2 * 365 + 60);
    } finally {
      formatToParts.mockRestore();
    }
  });
});
