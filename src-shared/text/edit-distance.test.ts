import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance } from './edit-distance';

describe('editDistance (optimal string alignment)', () => {
  it('counts a swapped pair of neighbours as one edit', () => {
    expect(editDistance('refnud', 'refund', 2)).toBe(1);
    expect(editDistance('ประกนั', 'ประกัน', 2)).toBe(1);
  });
  it('counts insertions, deletions and substitutions, and gives up past the limit', () => {
    expect(editDistance('pasword', 'password', 2)).toBe(1);
    expect(editDistance('warrenty', 'warranty', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('refund', 'refund', 1)).toBe(0);
  });
  it('with prefix, measures to the closest start of the known word', () => {
    expect(editDistance('pasw', 'password', 1, true)).toBe(1);
    expect(editDistance('warre', 'warranty', 1, true)).toBe(1);
    expect(editDistance('xyzw', 'warranty', 1, true)).toBe(2);
  });
});

describe('allowedEdits', () => {
  it('allows none below 4 characters, 1 up to 7 and 2 beyond', () => {
    expect(allowedEdits('abc')).toBe(0);
    expect(allowedEdits('abcd')).toBe(1);
    expect(allowedEdits('abcdefg')).toBe(1);
    expect(allowedEdits('abcdefgh')).toBe(2);
    // A Thai word short of a vowel is measured by the word it may be.
    expect(allowedEdits('เงน', 'เงิน')).toBe(1);
  });
});
