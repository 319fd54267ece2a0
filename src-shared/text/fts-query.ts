import type { Locale } from '../domain/screen-pop';
import { tokenize } from './segment';

const SINGLE_HAN = /^\p{Script=Han}$/u;

/** A quoted FTS5 string: the only syntax user words ever appear in. */
function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

export interface FtsTerm {
  /** The term as FTS5 syntax: a quoted word or phrase, with * when it is a prefix. */
  expr: string;
  /** The single folded word, when the term is one whole word (not a phrase, not a prefix). */
  word: string | null;
}

export interface FtsQuery {
  terms: FtsTerm[];
  /** Every folded word, for highlighting. */
  words: string[];
}

/** Every term must match (the last as a prefix, since the agent may still be typing it). */
export const allOf = (terms: FtsTerm[]) => terms.map((t) => t.expr).join(' AND ');
/** Any term may match: the fallback that keeps a long question from finding nothing. */
export const anyOf = (terms: FtsTerm[]) => terms.map((t) => t.expr).join(' OR ');

/**
 * Turns whatever the agent typed into FTS5 MATCH terms built only of quoted words, so quotes, dashes,
 * colons, AND/OR/NOT, brackets and stars are searched for as text (or dropped as punctuation), never parsed.
 * Returns null when nothing searchable is left (empty, spaces, only punctuation).
 */
export function buildFtsQuery(input: string, locale?: Locale | null): FtsQuery | null {
  const tokens = tokenize(input.slice(0, 500), locale).slice(0, 32);
  if (tokens.length === 0) return null;
  // A Chinese word the segmenter did not know comes out as single characters ("客诉" -> 客, 诉): keep such runs
  // together as a phrase, so they match the same characters in the same order, not anywhere in the article.
  const groups: string[][] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const joined = prev && prev.end === t.start && SINGLE_HAN.test(prev.text) && SINGLE_HAN.test(t.text);
    if (joined) groups[groups.length - 1]!.push(t.text);
    else groups.push([t.text]);
  });
  const endsMidWord = !/[\s\p{P}]$/u.test(input);
  const terms = groups.map((g, i): FtsTerm => {
    // One typed letter is not yet a word to complete ("t" would mean every word with a t): only Chinese, where one
    // character is a word, is completed from a single character.
    const last = g.join('');
    const prefix = i === groups.length - 1 && endsMidWord && ([...last].length >= 2 || SINGLE_HAN.test(last));
    return { expr: quote(g.join(' ')) + (prefix ? '*' : ''), word: g.length === 1 && !prefix ? g[0]! : null };
  });
  return { terms, words: tokens.map((t) => t.text) };
}
