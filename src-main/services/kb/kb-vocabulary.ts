import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { allowedEdits, editDistance } from '../../../src-shared/text/edit-distance';
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

interface Bucket {
  terms: IndexTerm[];
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
      if (!CORRECTABLE.test(t.term) || [...t.term].length < 3) continue;
      const first = [...t.term][0]!;
      let bucket = byFirst.get(first);
      if (!bucket) byFirst.set(first, (bucket = { terms: [] }));
      bucket.terms.push(t);
    }
    this.loaded.set(locale, { version, byFirst });
    return byFirst;
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
    for (const bucket of buckets) {
      if (!bucket) continue;
      for (const word of bucket.terms) {
        if (word.term === typed) continue;
        const allowed = allowedEdits(typed, prefix ? undefined : word.term);
        if (allowed === 0) continue;
        const edits = editDistance(typed, word.term, allowed, prefix);
        if (edits <= allowed && edits > 0) found.push({ word, edits });
      }
    }
    return found.sort((a, b) => a.edits - b.edits || b.word.articles - a.word.articles).slice(0, MAX_CORRECTIONS);
  }
}
