import { describe, expect, it } from 'vitest';
import { dayStart, sitePieces } from './site-time';

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
