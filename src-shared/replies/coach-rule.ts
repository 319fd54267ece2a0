import { z } from 'zod';
import { Locale } from '../domain/screen-pop';
import { CoachCategory } from './coach-category';
import { PhraseSpec } from './phrase-matcher';

const MARK = /\[\[(.+?)\]\]/gu;

/** An example sentence with every passage the rule must flag marked [[like this]]; returns the plain text and spans. */
export function readMarkedExample(example: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let last = 0;
  for (const m of example.matchAll(MARK)) {
    text += example.slice(last, m.index);
    spans.push({ start: text.length, end: text.length + m[1]!.length });
    text += m[1];
    last = m.index + m[0].length;
  }
  return { text: text + example.slice(last), spans };
}

const MarkedExample = z.string().refine((s) => readMarkedExample(s).spans.length > 0, 'mark what must be flagged as [[…]]');

/**
 * One positive-language rule, as a team lead writes it in resources/replies/rules/<locale>.json. The examples are
 * the rule's tests (coach.test.ts runs every one): `flag` sentences with the expected hits marked [[…]], `pass`
 * sentences, usually friendly ones that look alike, that must not be flagged.
 */
export const CoachRule = PhraseSpec.extend({
  id: z.string().regex(/^[a-zA-Z-]+\.[a-z0-9-]+$/, 'write <locale>.<name>, e.g. en.you-have-to'),
  category: CoachCategory,
  /** A better way to say it, in the reply's language. */
  suggestion: z.string().trim().min(1),
  /** Set only when it can replace the flagged words as they stand ("I need you to" -> "could you please"). */
  replacement: z.string().trim().min(1).optional(),
  /** Overrides the category's reason, per UI language, when this rule needs its own words. */
  message: z.partialRecord(Locale, z.string().trim().min(1)).optional(),
  examples: z.object({ flag: z.array(MarkedExample).min(1), pass: z.array(z.string().min(1)).min(1) }).strict(),
}).strict();
export type CoachRule = z.infer<typeof CoachRule>;

export const CoachRuleSet = z
  .object({
    locale: Locale,
    /** Free text for the person editing the file (JSON has no comments). */
    about: z.string().optional(),
    rules: z.array(CoachRule).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (!rule.id.startsWith(`${set.locale}.`)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `must start with "${set.locale}."` });
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'is used twice' });
      seen.add(rule.id);
    });
  });
export type CoachRuleSet = z.infer<typeof CoachRuleSet>;
