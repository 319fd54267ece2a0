import { describe, expect, it } from 'vitest';
import { coachReply } from './coach';
import { readMarkedExample } from './coach-rule';
import { shippedRuleSet } from './shipped-data';
import { locales } from './test-fixtures';

/** Every shipped rule is tested by its own examples: the data file is where a team lead adds both. */
describe.each(locales)('shipped coach rules, %s', (locale) => {
  for (const rule of shippedRuleSet(locale).rules) {
    describe(rule.id, () => {
      it.each(rule.examples.flag)('flags the marked words in %s', (example) => {
        const { text, spans } = readMarkedExample(example);
        const hits = coachReply(text, locale)
          .filter((f) => f.rule === rule.id)
          .map(({ start, end }) => ({ start, end }));
        expect(hits).toEqual(spans);
      });
      it.each(rule.examples.pass)('leaves %s alone', (text) => {
        expect(coachReply(text, locale).filter((f) => f.rule === rule.id)).toEqual([]);
      });
    });
  }
});

describe('readMarkedExample', () => {
  it('turns [[…]] marks into spans of the plain text', () => {
    expect(readMarkedExample('a [[bc]] d [[e]]')).toEqual({ text: 'a bc d e', spans: [{ start: 2, end: 4 }, { start: 7, end: 8 }] });
  });
});
