import { z } from 'zod';
import { MAX_PATTERN_LENGTH, slowPart } from './regex-safety';

/**
 * Finding phrases in Chinese and Thai (no spaces between words) and English with regular expressions. Offsets are
 * UTF-16 code-unit offsets into the text as given (what JavaScript string indices are), so the renderer can
 * highlight `text.slice(start, end)` directly: the text is never normalised or folded before matching.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Case-insensitive; Unicode mode only where a pattern needs it (\p{…}, \u{…}, or a character beyond the Basic
 * Multilingual Plane such as an emoji). Every shipped pattern is in the BMP (CJK, Thai, curly quotes), where both
 * modes match alike, and V8's Unicode case folding makes /iu five times slower on English drafts: the difference
 * between 0.1 and 0.6 ms per keystroke.
 */
export function regexFlags(source: string): string {
  return /\\[pPu]\{|[\uD800-\uDFFF]/.test(source) ? 'giu' : 'gi';
}

function compiles(source: string): boolean {
  try {
    const flags = regexFlags(source);
    new RegExp(source, flags);
    return !new RegExp(`^(?:${source})$`, flags.replace('g', '')).test('');
  } catch {
    return false;
  }
}

/**
 * A regular-expression source (matched case-insensitively) that cannot match the empty string and cannot freeze
 * the desktop on a long draft (see regex-safety.ts).
 */
export const RegexSource = z
  .string()
  .min(1)
  .max(MAX_PATTERN_LENGTH, `is longer than ${MAX_PATTERN_LENGTH} characters`)
  .refine(compiles, 'is not a valid regular expression, or it matches empty text')
  .superRefine((source, ctx) => {
    const part = slowPart(source, regexFlags(source));
    if (part) ctx.addIssue({ code: 'custom', message: `can take very long on some texts and freeze the desktop: ${part} can match the same letters in more than one way; make each repeated part match different letters` });
  });

/**
 * Patterns to look for, and exceptions: a hit is dropped when an exception matches text that overlaps it. This
 * is how "can't wait" stays quiet while "can't" is flagged, or 能不能帮您 while 不能 is.
 */
export const PhraseSpec = z.object({
  patterns: z.array(RegexSource).min(1),
  exceptions: z.array(RegexSource).default([]),
});
export type PhraseSpec = z.infer<typeof PhraseSpec>;

export interface CompiledPhrase {
  patterns: RegExp[];
  exceptions: RegExp[];
}

export function compilePhrase(spec: { patterns: readonly string[]; exceptions?: readonly string[] }): CompiledPhrase {
  return {
    patterns: spec.patterns.map((p) => new RegExp(p, regexFlags(p))),
    exceptions: (spec.exceptions ?? []).map((p) => new RegExp(p, regexFlags(p))),
  };
}

function allMatches(re: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // A lookaround-only pattern can still match empty text at some position: step over it.
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Every hit of the phrase in the text, earliest first, without overlapping hits and without excepted ones. */
export function findPhrase(text: string, phrase: CompiledPhrase): Span[] {
  let hits: Span[] = [];
  for (const re of phrase.patterns) hits.push(...allMatches(re, text));
  if (hits.length === 0) return hits;
  if (phrase.exceptions.length > 0) {
    // Exceptions are only looked for once a pattern hit: most drafts trip no rule at all.
    const excepted = phrase.exceptions.flatMap((re) => allMatches(re, text));
    hits = hits.filter((hit) => !excepted.some((e) => overlaps(e, hit)));
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const hit of hits) if (!kept.some((k) => overlaps(k, hit))) kept.push(hit);
  return kept;
}
