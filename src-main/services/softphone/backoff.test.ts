import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

const policy = { initialMs: 250, maxMs: 4000 };

describe('reconnectDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const top = (attempt: number) => reconnectDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6, 20].map(top)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('keeps at least half of the delay and adds up to half at random', () => {
    expect(reconnectDelay(3, policy, () => 0)).toBe(500);
    expect(reconnectDelay(3, policy, () => 0.5)).toBe(750);
    for (let i = 0; i < 200; i++) {
      const d = reconnectDelay(1 + (i % 8), policy);
      expect(d).toBeGreaterThanOrEqual(125);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
