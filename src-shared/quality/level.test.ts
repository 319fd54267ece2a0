import { describe, expect, it } from 'vitest';
import { poorStreak } from './level';

describe('poorStreak', () => {
  it('is three poor calls in a row, the newest last', () => {
    expect(poorStreak(['poor', 'poor'])).toBe(false);
    expect(poorStreak(['poor', 'poor', 'poor'])).toBe(true);
    expect(poorStreak(['good', 'poor', 'poor', 'poor'])).toBe(true);
    expect(poorStreak(['poor', 'poor', 'poor', 'fair'])).toBe(false);
    expect(poorStreak(['poor', 'fair', 'poor', 'poor'])).toBe(false);
  });
});
