import { describe, expect, it } from 'vitest';
import { durationText, slaCountdownText } from './duration';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('durations as the agent reads them', () => {
  it('reads a long overdue work order in days, in every language', () => {
    const now = 1_800_000_000_000;
    const dueAt = now - 17 * DAY;
    expect(slaCountdownText('en', dueAt, now)).toBe('Overdue by 17 d');
    expect(slaCountdownText('zh-CN', dueAt, now)).toBe('已超时 17 天');
    expect(slaCountdownText('zh-TW', dueAt, now)).toBe('已逾時 17 天');
    expect(slaCountdownText('th', dueAt, now)).toBe('เกินกำหนด 17 วัน');
  });

  it('past a day: days and whole hours; under a day: hours and minutes', () => {
    expect(durationText('en', DAY + 6 * HOUR + 59 * MIN)).toBe('1 d 6 h');
    expect(durationText('zh-CN', 2 * DAY + 3 * HOUR)).toBe('2 天 3 小时');
    expect(durationText('zh-TW', 2 * DAY + 3 * HOUR)).toBe('2 天 3 小時');
    expect(durationText('th', 2 * DAY + 3 * HOUR)).toBe('2 วัน 3 ชม.');
    expect(durationText('en', 3 * HOUR + 5 * MIN + 30_000)).toBe('3 h 05 min');
    expect(durationText('th', 23 * HOUR + 59 * MIN)).toBe('23 ชม. 59 นาที');
    expect(durationText('zh-CN', 42 * MIN)).toBe('0 小时 42 分');
  });

  it('counts down to the deadline while there is time left', () => {
    const now = 1_800_000_000_000;
    expect(slaCountdownText('en', now + 3 * HOUR + 55 * MIN, now)).toBe('3 h 55 min left');
    expect(slaCountdownText('zh-TW', now + DAY, now)).toBe('剩餘 1 天');
    expect(slaCountdownText('th', now - 90 * MIN, now)).toBe('เกินกำหนด 1 ชม. 30 นาที');
  });
});
