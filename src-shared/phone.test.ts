import { describe, expect, it } from 'vitest';
import { extractDialString, normalizePhoneNumber } from './phone';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+86 138 1234 5678'],
    ['013812345678'],
    ['13812345678'],
    ['sip:+8613812345678@pbx.example;user=phone'],
    ['<sip:+8613812345678@127.0.0.1>'],
    ['tel:+86-138-1234-5678'],
    ['+86 (138) 1234-5678'],
  ])('reads %s as the same Chinese mobile', (raw) => {
    expect(normalizePhoneNumber(raw, 'CN')).toBe('+8613812345678');
  });

  it('uses the configured default region for national numbers', () => {
    expect(normalizePhoneNumber('0812345678', 'TH')).toBe('+66812345678');
    expect(normalizePhoneNumber('0912345678', 'TW')).toBe('+886912345678');
  });

  it('returns null for things that are not phone numbers', () => {
    expect(normalizePhoneNumber('anonymous', 'CN')).toBeNull();
    expect(normalizePhoneNumber('sip:alice@example.com', 'CN')).toBeNull();
    expect(normalizePhoneNumber('', 'CN')).toBeNull();
    expect(normalizePhoneNumber('12', 'CN')).toBeNull();
  });

  it('does not throw on a malformed percent escape', () => {
    expect(extractDialString('sip:%E0%A4%A@host')).toBe('%E0%A4%A');
  });
});
