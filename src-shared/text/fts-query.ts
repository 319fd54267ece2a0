import type { Locale } from '../domain/screen-pop';
import { tokenize } from './segment';

const HAN = /^\p{Script=Han}+$/u;

/** A quoted FTS5 string: the only syntax user words ever appear in. */
function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

export interface FtsQuery {
  /** Every word must match (the last as a prefix, since the agent may still be typing it). */
  all: string;
  /** Any word may match: the fallback that keeps a long question from finding nothing. */
  any: string;
  words: string[];
}

/**
 * Turns whatever the agent typed into FTS5 MATCH expressions built only of quoted words, so quotes, dashes,
 * colons, AND/OR/NOT, brackets and stars are searched for as text (or dropped as punctuation), never parsed.
 * Returns null when nothing searchable is left (empty, spaces, only punctuation).
 */
export function buildFtsQuery(input: string, locale?: Locale | null): FtsQuery | null {
  const tokens = tokenize(input.slice(0, 500), locale).slice(0, 32);
  if (tokens.length === 0) return null;
  // Chinese typed without a break ("客诉") stays a phrase even when the segmenter cut it into characters.
  const groups: string[][] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const joined = prev && prev.end === t.start && HAN.test(prev.text) && HAN.test(t.text);
    if (joined) groups[groups.length - 1]!.push(t.text);
    else groups.push([t.text]);
  });
  const endsMidWord = !/[\s\p{P}]$/u.test(input);
  const terms = groups.map((g, i) => quote(g.join(' ')) + (i === groups.length - 1 && endsMidWord ? '*' : ''));
  return { all: terms.join(' AND '), any: terms.join(' OR '), words: tokens.map((t) => t.text) };
}
