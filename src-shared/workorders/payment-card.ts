/**
 * A payment card number as the agent types it while the customer reads it out: 12–19 digits, spaces or dashes
 * between groups allowed, and the Luhn check digit right (a misheard digit is caught before it is filed).
 */
export function isCardNumber(typed: string): boolean {
  if (!/^[0-9 -]+$/.test(typed)) return false;
  const digits = cardDigits(typed);
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every second digit is doubled (and 9 taken off when that makes two digits).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Only the digits of what was typed. */
export const cardDigits = (typed: string): string => typed.replace(/\D/g, '');

/** What is kept of a card number anywhere (filed, synced, a saved draft): its last four digits, never the whole. */
export const cardEnding = (typed: string): string => cardDigits(typed).slice(-4);
