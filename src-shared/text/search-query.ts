import type { Locale } from '../domain/screen-pop';
import { tokenize } from './segment';

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * The terms a run of words is indexed and searched by: the words themselves, plus each pair of neighbouring
 * single Chinese characters joined ("客", "诉" → "客诉"). A Chinese word the segmenter does not know comes out
 * as single characters; the pairs let a search match those characters together and in order, not anywhere.
 */
export function searchTerms(words: readonly string[]): string[] {
  const terms = [...words];
  for (let i = 1; i < words.length; i++) {
    if (SINGLE_HAN.test(words[i - 1]!) && SINGLE_HAN.test(words[i]!)) terms.push(words[i - 1]! + words[i]!);
  }
  return terms;
}

export interface QueryTerm {
  /** A folded term as indexed. */
  text: string;
  /** The agent may still be typing it: any indexed term starting with `text` matches. */
  prefix: boolean;
  /** Typed straight after the term before it, no space between (Thai's words; a typo splits one into pieces). */
  glued?: boolean;
}

export interface SearchQuery {
  /** Every term must match (the search fills up with fewer when that finds too little). */
  terms: QueryTerm[];
  /** Every folded word, for highlighting. */
  words: string[];
  /** The Chinese typed without a break, each run whole (folded): its character pairs are a second way to read it. */
  hanRuns: string[];
}

/**
 * What the agent typed, as search terms. Anything typed is only ever words: quotes, dashes, colons,
 * AND/OR/NOT, brackets and stars are searched for as text or dropped as punctuation. Returns null when nothing
 * searchable is left (empty, spaces, only punctuation).
 */
export function parseSearchQuery(input: string, locale?: Locale | null): SearchQuery | null {
  const tokens = tokenize(input.slice(0, 500), locale).slice(0, 32);
  if (tokens.length === 0) return null;
  // Runs of single Chinese characters typed together become their pairs (see searchTerms).
  const groups: string[][] = [];
  const glued: boolean[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const joined = prev && prev.end === t.start && SINGLE_HAN.test(prev.text) && SINGLE_HAN.test(t.text);
    if (joined) groups[groups.length - 1]!.push(t.text);
    else {
      groups.push([t.text]);
      glued.push(prev !== undefined && prev.end === t.start);
    }
  });
  const endsMidWord = !/[\s\p{P}]$/u.test(input);
  const terms = groups.flatMap((g, i): QueryTerm[] => {
    if (g.length > 1) return searchTerms(g).slice(g.length).map((text) => ({ text, prefix: false }));
    // One typed letter is not yet a word to complete ("t" would mean every word with a t): only Chinese, where one
    // character is a word, is completed from a single character.
    const word = g[0]!;
    const prefix = i === groups.length - 1 && endsMidWord && ([...word].length >= 2 || SINGLE_HAN.test(word));
    return [glued[i] ? { text: word, prefix, glued: true } : { text: word, prefix }];
  });
  const unique = terms.filter((t, i) => terms.findIndex((u) => u.text === t.text && u.prefix === t.prefix) === i);
  const hanRuns: string[] = [];
  tokens.forEach((t, i) => {
    if (!/^\p{Script=Han}+$/u.test(t.text)) return;
    const prev = tokens[i - 1];
    if (prev && prev.end === t.start && /^\p{Script=Han}+$/u.test(prev.text)) hanRuns[hanRuns.length - 1] += t.text;
    else hanRuns.push(t.text);
  });
  return { terms: unique, words: tokens.map((t) => t.text), hanRuns };
}
