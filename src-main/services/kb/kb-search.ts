import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { buildFtsQuery } from '../../../src-shared/text/fts-query';
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

  constructor(db: Db) {
    // Rank (bm25 with the title weighted up, set in the schema) is computed inside FTS5 and only the best rows
    // are joined to their articles.
    this.select = db.prepare<[string, number], Row>(`
      SELECT a.id, a.external_id, a.locale, a.title, a.body, a.category, f.rank
      FROM (SELECT rowid, rank FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rank LIMIT ?) f
      JOIN kb_articles a ON a.id = f.rowid
      ORDER BY f.rank`);
  }

  search(query: string, options: KbSearchOptions = {}): KbHit[] {
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
    const fts = buildFtsQuery(query, options.locale);
    if (!fts) return [];
    const scope = options.locale ? `{locale}: "${localeToken(options.locale)}" AND ` : '';
    const run = (match: string, n: number) => this.select.all(`${scope}(${match})`, n);
    const rows = run(fts.all, limit);
    if (rows.length < limit && fts.words.length > 1) {
      const seen = new Set(rows.map((r) => r.id));
      for (const r of run(fts.any, limit)) if (!seen.has(r.id) && rows.length < limit) rows.push(r);
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
