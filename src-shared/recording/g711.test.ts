import { describe, expect, it } from 'vitest';
import { aLawToLinear, linearToMuLaw, muLawToLinear } from './g711';

// Values from the G.711 tables: μ-law 0xFF and 0x7F are ±0, 0x80 is +32124 and 0x00 −32124; A-law 0xD5 is +8 and
// 0x55 −8, 0xAA is +32256 and 0x2A −32256.
describe('G.711', () => {
  it('μ-law: silence, the loudest codes and the sign', () => {
    expect([muLawToLinear(0xff), muLawToLinear(0x7f)].map(Math.abs)).toEqual([0, 0]);
    expect(muLawToLinear(0x80)).toBe(32124);
    expect(muLawToLinear(0x00)).toBe(-32124);
    // 0xEF: inverted 0x10 → exponent 1, mantissa 0: ((0 << 3) + 132) << 1 − 132 = 132.
    expect(muLawToLinear(0xef)).toBe(132);
  });

  it('A-law: the quietest and loudest codes and the sign', () => {
    expect(aLawToLinear(0xd5)).toBe(8);
    expect(aLawToLinear(0x55)).toBe(-8);
    expect(aLawToLinear(0xaa)).toBe(32256);
    expect(aLawToLinear(0x2a)).toBe(-32256);
  });

  it('μ-law encoding: every code decodes and encodes back to itself (0x7F, −0, becomes 0xFF, +0)', () => {
    for (let code = 0; code < 256; code++) expect(linearToMuLaw(muLawToLinear(code))).toBe(code === 0x7f ? 0xff : code);
    expect(linearToMuLaw(40_000)).toBe(0x80);
    expect(linearToMuLaw(-40_000)).toBe(0x00);
  });
});
