import { describe, expect, it } from 'vitest';
import { compilePhrase, findPhrase, regexFlags, RegexSource } from './phrase-matcher';

describe('findPhrase', () => {
  it('finds every hit, earliest first, with UTF-16 offsets', () => {
    const text = '🙂不能，真的不能';
    expect(findPhrase(text, compilePhrase({ patterns: ['不能'] }))).toEqual([
      { start: 2, end: 4 },
      { start: 7, end: 9 },
    ]);
  });

  it('drops a hit that an exception overlaps, and only that hit', () => {
    const phrase = compilePhrase({ patterns: ['不能'], exceptions: ['能不能'] });
    expect(findPhrase('能不能帮您看看？这个不能退。', phrase)).toEqual([{ start: 10, end: 12 }]);
  });

  it('keeps one of two overlapping hits of the same phrase: the earlier, then the longer', () => {
    const phrase = compilePhrase({ patterns: ['company policy', "it's company policy"] });
    expect(findPhrase("Sorry, it's company policy.", phrase)).toEqual([{ start: 7, end: 26 }]);
  });

  it('matches case-insensitively', () => {
    expect(findPhrase('CALM DOWN', compilePhrase({ patterns: ['\\bcalm down\\b'] }))).toHaveLength(1);
  });

  it('steps over empty matches instead of looping', () => {
    expect(findPhrase('abc', compilePhrase({ patterns: ['(?=b)'] }))).toEqual([]);
  });
});

describe('regexFlags', () => {
  it('uses Unicode mode only where a pattern needs it', () => {
    expect(regexFlags('\\byou have to\\b')).toBe('gi');
    expect(regexFlags('不能|ไม่สามารถ')).toBe('gi');
    expect(regexFlags('\\p{Script=Han}+')).toBe('giu');
    expect(regexFlags('😀')).toBe('giu');
  });
});

describe('RegexSource', () => {
  it('rejects invalid expressions and ones that match empty text', () => {
    expect(RegexSource.safeParse('a)(b').success).toBe(false);
    expect(RegexSource.safeParse('(x').success).toBe(false);
    expect(RegexSource.safeParse('x?').success).toBe(false);
    expect(RegexSource.safeParse('\\bx\\b').success).toBe(true);
  });
});

describe('RegexSource and patterns that freeze the desktop', () => {
  it('refuses a pattern that can backtrack for ages, naming the part, and keeps the shipped shapes', () => {
    // Each of these takes V8 seconds on a few dozen to a few hundred letters that almost match.
    for (const bad of ['(a+)+$', '(\\w+\\s?)*x', '(?:\\w+\\s?){1,20}$', '\\w+\\w+\\w+x', '(a|aa)+$']) {
      const r = RegexSource.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/can take very long .* can match the same letters/);
    }
    for (const good of ['(?:คุณ)(?:ต้อง)?(?:ใจเย็น(?:\\s?ๆ)?)', '(?:หาก|ถ้า)[^\\s]{0,15}?ไม่สามารถ', '\\b\\w+ly\\b', '(?:ab+c)?d']) {
      expect(RegexSource.safeParse(good).success, good).toBe(true);
    }
  });

  it('caps a pattern at its length limit', () => {
    expect(RegexSource.safeParse('a'.repeat(1001)).error!.issues[0]!.message).toMatch(/longer than 1000/);
    expect(RegexSource.safeParse('a'.repeat(1000)).success).toBe(true);
  });
});
