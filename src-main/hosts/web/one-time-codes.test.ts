import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_TTL_MS, mintCode, OneTimeCodes } from './one-time-codes';

describe('OneTimeCodes', () => {
  const key = randomBytes(32);

  it('takes a code once: the second time it is refused as used', () => {
    const codes = new OneTimeCodes(key);
    const code = codes.mint();
    expect(codes.redeem(code)).toEqual({ ok: true });
    expect(codes.redeem(code)).toEqual({ ok: false, why: 'used' });
  });

  it('takes a code the launcher minted with the same key, and none minted with another', () => {
    const codes = new OneTimeCodes(key);
    expect(codes.redeem(mintCode(key))).toEqual({ ok: true });
    expect(codes.redeem(mintCode(randomBytes(32)))).toEqual({ ok: false, why: 'forged' });
    expect(codes.redeem('not-a-code')).toEqual({ ok: false, why: 'malformed' });
    expect(codes.redeem('1.2.3'.repeat(100))).toEqual({ ok: false, why: 'malformed' });
  });

  it('refuses a code older than its time to live', () => {
    let now = 1_000_000;
    const codes = new OneTimeCodes(key, () => now);
    const code = codes.mint();
    now += CODE_TTL_MS + 1;
    expect(codes.redeem(code)).toEqual({ ok: false, why: 'expired' });
  });
});
