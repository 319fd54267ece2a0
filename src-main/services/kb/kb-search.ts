import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { allOf, anyOf, buildFtsQuery, type FtsTerm } from '../../../src-shared/text/fts-query';
import { localeToken } from './kb-repo';
import { makeSnippet, type Snippet } from './snippet';

export interface KbHit {
  id: string;
  locale: Locale;
  title: string;
  category: string | null;
  snippet: Snippet;
  /** bm25 with the title weighted up; higher is better. */
  score: number;
}

/** A word in more than this share of the scope's articles is too common to search on when others are given. */
const COMMON_SHARE = 0.5;

export interface KbSearchOptions {
  locale?: Locale | null;
  limit?: number;
}

interface Row {
  id: number;
  external_id: string;
  locale: Locale;
  title: string;
  body: string;
  category: string | null;
  rank: number;
}

/**
 * Knowledge-base search for an agent mid-call: Chinese, Thai and English words found by Intl.Segmenter,
 * simplified and traditional alike, the last word as a prefix; all words first, then any word to fill the list.
 */
export class KbSearch {
  private readonly select;
  private readonly documentFrequency;

  constructor(db: Db) {
    // Rank (bm25 with the title weighted up, set in the schema) is computed inside FTS5 and only the best rows
    // are joined to their articles.
    this.select = db.prepare<[string, number], Row>(`
      SELECT a.id, a.external_id, a.locale, a.title, a.body, a.category, f.rank
      FROM (SELECT rowid, rank FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rank LIMIT ?) f
      JOIN kb_articles a ON a.id = f.rowid
      ORDER BY f.rank`);
    this.documentFrequency = db.prepare<[string], { doc: number }>("SELECT doc FROM kb_vocab WHERE term = ?");
  }

  /**
   * Drops words that are in most articles of the scope ("the", "客户", "ที่") when the query has better ones: they
   * rank nothing apart, and ranking every article that contains them is what makes a search slow.
   */
  private informative(terms: FtsTerm[], scopeToken: string | null): FtsTerm[] {
    const total = scopeToken ? this.df(scopeToken) : Number.POSITIVE_INFINITY;
    const kept = terms.filter((t) => t.word === null || this.df(t.word) <= total * COMMON_SHARE);
    return kept.length > 0 ? kept : terms;
  }

  private df(word: string): number {
    return this.documentFrequency.get(word)?.doc ?? 0;
  }

  search(query: string, options: KbSearchOptions = {}): KbHit[] {
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
    const fts = buildFtsQuery(query, options.locale);
    if (!fts) return [];
    const token = options.locale ? localeToken(options.locale) : null;
    const scope = token ? `{locale}: "${token}" AND ` : '';
    const run = (match: string, n: number) => this.select.all(`${scope}(${match})`, n);
    const terms = this.informative(fts.terms, token);
    // All words first; when that finds too few, any word, ranked by bm25 (rare words weigh most).
    const rows = run(allOf(terms), limit);
    if (rows.length < limit && terms.length > 1) {
      const seen = new Set(rows.map((r) => r.id));
      for (const r of run(anyOf(terms), limit)) if (!seen.has(r.id) && rows.length < limit) rows.push(r);
    }
    return rows.map((r) => ({
      id: r.external_id,
      locale: r.locale,
      title: r.title,
      category: r.category,
      snippet: makeSnippet(r.body, fts.words),
      score: -r.rank,
    }));
  }
}
