import { describe, expect, it } from 'vitest';
import { cardEnding, isCardNumber } from './payment-card';

describe('a payment card number', () => {
  it('passes with a right Luhn check digit, as typed in groups', () => {
    expect(isCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(isCardNumber('5500-0000-0000-0004')).toBe(true);
    expect(isCardNumber('6212345678901265')).toBe(true);
    expect(isCardNumber('378282246310005')).toBe(true);
  });

  it('fails with one digit misheard, too few or too many digits, or anything but digits, spaces and dashes', () => {
    expect(isCardNumber('4111 1111 1111 1112')).toBe(false);
    expect(isCardNumber('4111 1111 1111 1121')).toBe(false);
    expect(isCardNumber('42')).toBe(false);
    expect(isCardNumber('4'.repeat(20))).toBe(false);
    expect(isCardNumber('4111a111111111111')).toBe(false);
    expect(isCardNumber('')).toBe(false);
  });

  it('keeps its last four digits only', () => {
    expect(cardEnding('4111 1111 1111 1234')).toBe('1234');
    expect(cardEnding('12')).toBe('12');
  });
});
