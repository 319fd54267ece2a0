import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { allowedEdits, editDistanceOf } from '../../../src-shared/text/edit-distance';
import type { IndexTerm } from './kb-index';

/** Latin and Thai words are corrected; Chinese ones are not (a Chinese "typo" is another character, see pairs). */
const CORRECTABLE = /^(?:[\p{Script=Latin}\p{N}]+|\p{Script=Thai}+)$/u;
const THAI = /^\p{Script=Thai}+$/u;
/** Most known words one typed word stands for: the closest, then the most used. */
const MAX_CORRECTIONS = 6;

export interface Correction {
  word: IndexTerm;
  edits: number;
}

interface Known {
  word: IndexTerm;
  chars: string[];
}

/** The words starting with one letter, shortest first (a typed word is compared only with words near its length). */
interface Bucket {
  words: Known[];
}

/** First index in a bucket of a word at least `length` long. */
function firstOfLength(words: Known[], length: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.chars.length < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index's words per locale, kept in memory by first letter, to match a word the index does not know to the
 * known words a slip of the finger away. Loaded on first use and again when the index changed (its newest term
 * id or its counts moved), so a search after an import sees the new words.
 */
export class KbVocabulary {
  private readonly loaded = new Map<Locale, { version: string; byFirst: Map<string, Bucket> }>();
  private readonly version;
  private readonly terms;

  constructor(db: Db) {
    this.version = db.prepare<[string], string>(
      "SELECT (SELECT ifnull(max(id), 0) FROM kb_terms) || ':' || ifnull((SELECT articles || ':' || body_words || ':' || title_words FROM kb_index_stats WHERE locale = ?), '')",
    ).pluck();
    this.terms = db.prepare<[string], IndexTerm>('SELECT id, term, articles FROM kb_terms WHERE locale = ?');
  }

  private byFirst(locale: Locale): Map<string, Bucket> {
    const version = this.version.get(locale)!;
    const cached = this.loaded.get(locale);
    if (cached?.version === version) return cached.byFirst;
    const byFirst = new Map<string, Bucket>();
    for (const t of this.terms.iterate(locale)) {
      const chars = [...t.term];
      if (chars.length < 3 || !CORRECTABLE.test(t.term)) continue;
      let bucket = byFirst.get(chars[0]!);
      if (!bucket) byFirst.set(chars[0]!, (bucket = { words: [] }));
      bucket.words.push({ word: t, chars });
    }
    for (const bucket of byFirst.values()) bucket.words.sort((a, b) => a.chars.length - b.chars.length);
    this.loaded.set(locale, { version, byFirst });
    return byFirst;
  }

  /** Reads a locale's words now (after an import), so the first typo searched does not wait for them. */
  warm(locale: Locale): void {
    this.byFirst(locale);
  }

  /**
   * Known words within a few edits of a typed one (see allowedEdits), closest first. Candidates share its first
   * letter, or its second (a first letter dropped or swapped); with `prefix`, a known word matches when its start
   * is that close (the agent is still typing).
   */
  corrections(locale: Locale, typed: string, prefix: boolean): Correction[] {
    if (!CORRECTABLE.test(typed)) return [];
    const chars = [...typed];
    // Latin needs 4 typed letters; a Thai word short of a vowel may be 3.
    if (chars.length < (THAI.test(typed) ? 3 : 4)) return [];
    const byFirst = this.byFirst(locale);
    const buckets = new Set([byFirst.get(chars[0]!), byFirst.get(chars[1]!)]);
    const found: Correction[] = [];
    // No known word more than 2 letters shorter (or, whole, longer) is within reach.
    const shortest = Math.max(0, chars.length - 2);
    // A half-typed word is most of the word it starts: its start is compared with words up to 6 letters longer.
    const longest = chars.length + (prefix ? 6 : 2);
    for (const bucket of buckets) {
      if (!bucket) continue;
      for (let k = firstOfLength(bucket.words, shortest); k < bucket.words.length; k++) {
        const known = bucket.words[k]!;
        if (known.chars.length > longest) break;
        // Measured on the longer of the two words (allowedEdits), or the typed one against a start.
        const allowed = allowedEdits(typed, prefix ? undefined : known.word.term);
        if (allowed === 0 || (!prefix && Math.abs(known.chars.length - chars.length) > allowed)) continue;
        const edits = editDistanceOf(chars, known.chars, allowed, prefix);
        if (edits <= allowed && edits > 0) found.push({ word: known.word, edits });
      }
    }
    return found.sort((a, b) => a.edits - b.edits || b.word.articles - a.word.articles).slice(0, MAX_CORRECTIONS);
  }
}
