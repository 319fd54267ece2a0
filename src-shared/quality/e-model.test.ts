import { describe, expect, it } from 'vitest';
import { effectiveLatencyMs, mosFromR, rFactor, scoreCall } from './e-model';

describe('E-model (simplified WebRTC form of ITU-T G.107)', () => {
  it('a clean LAN call: RTT 20, jitter 5, no loss', () => {
    // L = 20 + 2×5 + 10 = 40 ms  (< 160)
    // R = 93.2 − 40/40 = 92.2
    // MOS = 1 + 0.035×92.2 + 7e-6 × 92.2 × (92.2−60) × (100−92.2)
    //     = 1 + 3.227 + 7e-6 × 92.2 × 32.2 × 7.8 = 1 + 3.227 + 0.16209... = 4.38909 → 4.39
    expect(effectiveLatencyMs({ rttMs: 20, jitterMs: 5 })).toBe(40);
    expect(rFactor({ rttMs: 20, jitterMs: 5, lossPct: 0 })).toBeCloseTo(92.2, 10);
    expect(scoreCall({ rttMs: 20, jitterMs: 5, lossPct: 0 })).toEqual({ r: 92.2, mos: 4.39 });
  });

  it('a home line over VPN: RTT 150, jitter 20, 1% loss', () => {
    // L = 150 + 40 + 10 = 200 ms  (≥ 160)
    // R = 93.2 − (200 − 120)/10 − 2.5×1 = 93.2 − 8 − 2.5 = 82.7
    // MOS = 1 + 0.035×82.7 + 7e-6 × 82.7 × 22.7 × 17.3 = 1 + 2.8945 + 0.22733... = 4.12183 → 4.12
    expect(rFactor({ rttMs: 150, jitterMs: 20, lossPct: 1 })).toBeCloseTo(82.7, 10);
    expect(scoreCall({ rttMs: 150, jitterMs: 20, lossPct: 1 })).toEqual({ r: 82.7, mos: 4.12 });
  });

  it('a bad call: RTT 400, jitter 50, 5% loss, under the 3.5 warning line', () => {
    // L = 400 + 100 + 10 = 510 ms
    // R = 93.2 − (510 − 120)/10 − 2.5×5 = 93.2 − 39 − 12.5 = 41.7
    // MOS = 1 + 0.035×41.7 + 7e-6 × 41.7 × (41.7−60) × (100−41.7)
    //     = 1 + 1.4595 + 7e-6 × 41.7 × (−18.3) × 58.3 = 1 + 1.4595 − 0.31144... = 2.14806 → 2.15
    expect(scoreCall({ rttMs: 400, jitterMs: 50, lossPct: 5 })).toEqual({ r: 41.7, mos: 2.15 });
  });

  it('the boundary at 160 ms takes the steeper branch', () => {
    // L = 150 + 0 + 10 = 160 → R = 93.2 − 40/10 = 89.2 (the gentle branch would give 89.2 as well: continuous)
    expect(rFactor({ rttMs: 150, jitterMs: 0, lossPct: 0 })).toBeCloseTo(89.2, 10);
  });

  it('R is never below 0 and MOS stays within 1–4.5', () => {
    // L = 2000 + 0 + 10 → R = 93.2 − 189 − 25 < 0 → 0 → MOS 1
    expect(scoreCall({ rttMs: 2000, jitterMs: 0, lossPct: 10 })).toEqual({ r: 0, mos: 1 });
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(120)).toBe(4.5);
    expect(mosFromR(-3)).toBe(1);
  });
});
