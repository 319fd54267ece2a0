import { describe, expect, it } from 'vitest';
import { agentsNeeded, serviceWith } from './erlang-c';

/**
 * Erlang C written the textbook way, independently of the recursion under test:
 * Pw = (A^N/N! · N/(N−A)) / (Σ_{k=0}^{N−1} A^k/k! + A^N/N! · N/(N−A)).
 */
function textbookWait(n: number, a: number): number {
  let term = 1; // A^k / k!
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = term * (n / (n - a));
  return top / (sum + top);
}

describe('Erlang C staffing', () => {
  // 200 calls an hour of 180 s: A = 200 × 180 / 3600 = 10 erlangs; 80 % answered within 20 s.
  const target = { callsPerHour: 200, ahtSeconds: 180, targetServiceLevel: 0.8, targetSeconds: 20 };
  const textbookLevel = (n: number) => 1 - textbookWait(n, 10) * Math.exp((-(n - 10) * 20) / 180);

  it('finds the smallest team meeting the service level, as the textbook formula counts it', () => {
    let expected = 11;
    while (textbookLevel(expected) < 0.8) expected++;
    const staffing = agentsNeeded(target);
    expect(staffing.agents).toBe(expected);
    expect(textbookLevel(expected - 1)).toBeLessThan(0.8);
    expect(staffing.serviceLevel).toBeCloseTo(textbookLevel(expected), 9);
    expect(staffing.occupancy).toBeCloseTo(10 / expected, 9);
    expect(staffing.averageSpeedOfAnswerSeconds).toBeCloseTo((textbookWait(expected, 10) * 180) / (expected - 10), 9);
  });

  it('worked by hand for 11 agents: Pw ≈ 0.6821, SL ≈ 0.3896', () => {
    // Σ_{k=0}^{10} 10^k/k! = 12,842.31; 10^11/11! = 2,505.21 × 11/(11−10) = 27,557.32 → Pw = 27,557.32/40,399.63 = 0.6821.
    // SL = 1 − 0.6821 × e^(−1 × 20/180) = 1 − 0.6821 × 0.8948 = 0.3896.
    const eleven = serviceWith(11, target);
    expect(eleven.serviceLevel).toBeCloseTo(0.3896, 3);
    expect(eleven.averageSpeedOfAnswerSeconds).toBeCloseTo(0.6821 * 180, 0);
  });

  it('no calls need no agents; input no queue can have is refused with the reason', () => {
    expect(agentsNeeded({ ...target, callsPerHour: 0 })).toEqual({ agents: 0, serviceLevel: 1, occupancy: 0, averageSpeedOfAnswerSeconds: 0 });
    expect(() => agentsNeeded({ ...target, ahtSeconds: 0 })).toThrow(/handle time/);
    expect(() => agentsNeeded({ ...target, targetServiceLevel: 1.5 })).toThrow(/between 0 and 1/);
    expect(() => agentsNeeded({ ...target, callsPerHour: Number.NaN })).toThrow(/calls per hour/);
  });
});
