import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { searchTerms } from '../../../src-shared/text/search-query';
import { writeInSlices } from '../db/write-in-slices';

/** An article's words per field, as the segmenter found them (folded). */
export interface ArticleWords {
  title: string[];
  body: string[];
  tags: string[];
}

/** The articles holding a term: merged postings, then those written since the last merge. */
export interface Postings {
  ids: Int32Array;
  weights: Float32Array;
  newer: [articleId: number, weight: number][];
}

export interface IndexTerm {
  id: number;
  term: string;
  /** Articles holding it, as of the last merge. */
  articles: number;
}

/** How many of a term's postings are kept apart, best first: the most results a search returns. */
export const BEST_POSTINGS = 100;

/** A term in this many articles is in the index of common words (migration 0004), completed from first. */
const COMMON_TERM = 10;

/** bm25's parameters and the fields' weights. */
const K1 = 1.2;
const B = 0.75;
const FIELD_WEIGHT = { title: 8, body: 1, tags: 3 } as const;

export interface Stats {
  articles: number;
  title_words: number;
  body_words: number;
  tag_words: number;
}

function count(words: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of searchTerms(words)) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * An article's terms with their weights: per term, bm25's saturated frequency in each field over the field's length
 * (against the locale's averages with the article counted), the fields weighted (a title match outweighs any
 * number of body mentions, as an agent expects).
 */
export function termWeights(words: ArticleWords, s: Stats): Map<string, number> {
  const average = { title: s.title_words / s.articles, body: s.body_words / s.articles, tags: s.tag_words / s.articles };
  const weight = new Map<string, number>();
  for (const field of ['title', 'body', 'tags'] as const) {
    const norm = K1 * (1 - B + (B * words[field].length) / Math.max(average[field], 1));
    for (const [t, f] of count(words[field])) {
      weight.set(t, (weight.get(t) ?? 0) + (FIELD_WEIGHT[field] * (f * (K1 + 1))) / (f + norm));
    }
  }
  return weight;
}

/** A term's two blobs (kb_postings): its best postings, best first, and all of them (ids ascending). */
export function postingBlobs(ids: readonly number[], weights: readonly number[]): { best: Buffer; all: Buffer } {
  // The BEST_POSTINGS-th highest weight, found by a numeric sort (fast for a common word's tens of thousands of
  // postings), then only those at or above it are ordered by weight and id.
  const sorted = Float64Array.from(weights).sort();
  const cut = sorted.length > BEST_POSTINGS ? sorted[sorted.length - BEST_POSTINGS]! : Number.NEGATIVE_INFINITY;
  const best: number[] = [];
  for (let i = 0; i < ids.length; i++) if (weights[i]! >= cut) best.push(i);
  best.sort((a, b) => weights[b]! - weights[a]! || ids[a]! - ids[b]!).length = Math.min(best.length, BEST_POSTINGS);
  return { best: encode(best.map((i) => ids[i]!), best.map((i) => weights[i]!)), all: encode(ids, weights) };
}

function decode(blob: Buffer | null): { ids: Int32Array; weights: Float32Array } {
  if (!blob || blob.length === 0) return { ids: new Int32Array(0), weights: new Float32Array(0) };
  // Typed arrays need 4-byte alignment; a blob in a shared pool may not have it.
  const bytes = blob.byteOffset % 4 === 0 ? blob : Buffer.from(blob);
  const n = bytes.length / 8;
  return { ids: new Int32Array(bytes.buffer, bytes.byteOffset, n), weights: new Float32Array(bytes.buffer, bytes.byteOffset + n * 4, n) };
}

function encode(ids: ArrayLike<number>, weights: ArrayLike<number>): Buffer {
  const n = ids.length;
  const blob = Buffer.alloc(n * 8);
  new Int32Array(blob.buffer, blob.byteOffset, n).set(ids);
  new Float32Array(blob.buffer, blob.byteOffset + n * 4, n).set(weights);
  return blob;
}

/**
 * The knowledge base's inverted index in SQLite (tables in migration 0004). Each posting carries the term's bm25
 * weight in that article (title weighted up, length normalised), so a search only sums weights times idf.
 * Writes land in kb_postings_new; merge() folds them into the per-term blobs.
 */
export class KbIndex {
  private readonly stats;
  private readonly putStats;
  private readonly newTerms;
  private readonly putPostings;
  private readonly dropPostings;
  private readonly markReplaced;
  private readonly term;
  private readonly commonStarting;
  private readonly allStarting;
  private readonly merged;
  private readonly mergedBest;
  private readonly newer;
  private readonly replacedIds;
  private readonly countArticles;
  private readonly writePostings;
  private readonly dropNewer;
  private readonly dropPosting;
  private readonly newerCount;

  constructor(private readonly db: Db) {
    this.stats = db.prepare<[string], Stats>('SELECT articles, title_words, body_words, tag_words FROM kb_index_stats WHERE locale = ?');
    this.putStats = db.prepare<[string, number, number, number, number]>(
      'INSERT OR REPLACE INTO kb_index_stats (locale, articles, title_words, body_words, tag_words) VALUES (?, ?, ?, ?, ?)',
    );
    // An article's terms go in as one JSON object of term → weight: two statements per article, not two per term.
    this.newTerms = db.prepare<[{ locale: string; terms: string }]>(
      'INSERT INTO kb_terms (locale, term) SELECT @locale, key FROM json_each(@terms) WHERE true ON CONFLICT DO NOTHING',
    );
    this.putPostings = db.prepare<[{ locale: string; terms: string; article: number }]>(`
      INSERT OR REPLACE INTO kb_postings_new (term_id, article_id, weight)
      SELECT t.id, @article, j.value FROM json_each(@terms) j CROSS JOIN kb_terms t ON t.locale = @locale AND t.term = j.key`);
    this.dropPostings = db.prepare<[{ locale: string; terms: string; article: number }]>(`
      DELETE FROM kb_postings_new WHERE article_id = @article
        AND term_id IN (SELECT t.id FROM json_each(@terms) j CROSS JOIN kb_terms t ON t.locale = @locale AND t.term = j.value)`);
    this.markReplaced = db.prepare<[number]>('INSERT OR IGNORE INTO kb_replaced (article_id) VALUES (?)');
    this.term = db.prepare<[string, string], IndexTerm>('SELECT id, term, articles FROM kb_terms WHERE locale = ? AND term = ?');
    const starting = (common: boolean) =>
      db.prepare<[string, string, string, number], IndexTerm>(`
        SELECT id, term, articles FROM kb_terms ${common ? 'INDEXED BY kb_terms_common' : ''}
        WHERE locale = ? AND term >= ? AND term < ? ${common ? `AND articles >= ${COMMON_TERM}` : ''}
        ORDER BY articles DESC, term LIMIT ?`);
    this.commonStarting = starting(true);
    this.allStarting = starting(false);
    this.merged = db.prepare<[number], Buffer>('SELECT postings FROM kb_postings WHERE term_id = ?').pluck();
    this.mergedBest = db.prepare<[number], Buffer>('SELECT best FROM kb_postings WHERE term_id = ?').pluck();
    this.newer = db.prepare<[number], [number, number]>('SELECT article_id, weight FROM kb_postings_new WHERE term_id = ?').raw();
    this.replacedIds = db.prepare<[], number>('SELECT article_id FROM kb_replaced').pluck();
    this.countArticles = db.prepare<[number, number]>('UPDATE kb_terms SET articles = ? WHERE id = ?');
    this.writePostings = db.prepare<[number, Buffer, Buffer]>('INSERT OR REPLACE INTO kb_postings (term_id, best, postings) VALUES (?, ?, ?)');
    this.dropNewer = db.prepare<[number]>('DELETE FROM kb_postings_new WHERE term_id = ?');
    this.dropPosting = db.prepare<[number, number]>('DELETE FROM kb_postings_new WHERE term_id = ? AND article_id = ?');
    this.newerCount = db.prepare<[number], number>('SELECT count(*) FROM kb_postings_new WHERE term_id = ?').pluck();
  }

  private statsOf(locale: Locale): Stats {
    return this.stats.get(locale) ?? { articles: 0, title_words: 0, body_words: 0, tag_words: 0 };
  }

  private adjustStats(locale: Locale, words: ArticleWords, sign: 1 | -1): Stats {
    const s = this.statsOf(locale);
    const next = {
      articles: s.articles + sign,
      title_words: s.title_words + sign * words.title.length,
      body_words: s.body_words + sign * words.body.length,
      tag_words: s.tag_words + sign * words.tags.length,
    };
    this.putStats.run(locale, next.articles, next.title_words, next.body_words, next.tag_words);
    return next;
  }

  /**
   * Indexes an article's words (weighted by termWeights) as postings written since the last merge: an import into a
   * knowledge base that already has articles, found by searches at once.
   */
  add(articleId: number, locale: Locale, words: ArticleWords): void {
    const terms = JSON.stringify(Object.fromEntries(termWeights(words, this.adjustStats(locale, words, 1))));
    this.newTerms.run({ locale, terms });
    this.putPostings.run({ locale, terms, article: articleId });
  }

  /** Takes an article's previous words out of the index (before it is indexed again with its new ones). */
  remove(articleId: number, locale: Locale, words: ArticleWords): void {
    this.adjustStats(locale, words, -1);
    this.markReplaced.run(articleId);
    const terms = JSON.stringify([...new Set(searchTerms([...words.title, ...words.body, ...words.tags]))]);
    this.dropPostings.run({ locale, terms, article: articleId });
  }

  /**
   * Empties the index (before every article is indexed again), its words a slice at a time like a merge. The counts
   * go first: cut short, the index is found to need indexing again (KbRepo.needsIndexing).
   */
  clear(): void {
    this.db.exec('DELETE FROM kb_index_stats; DELETE FROM kb_replaced;');
    const drop = ['DELETE FROM kb_postings_new WHERE term_id = ?', 'DELETE FROM kb_postings WHERE term_id = ?', 'DELETE FROM kb_terms WHERE id = ?'].map(
      (sql) => this.db.prepare<[number]>(sql),
    );
    this.inBatches(this.db.prepare<[], number>('SELECT id FROM kb_terms').pluck().all(), (term) => drop.forEach((statement) => statement.run(term)));
  }

  /**
   * Folds the postings written since the last merge into the per-term blobs, a few milliseconds' worth of terms
   * per transaction, so other writers (a work order being filed) never wait long. Articles replaced since the last
   * merge first have their old postings dropped from every blob (their new ones stay new until that is done);
   * every state in between, even after a crash, searches correctly.
   */
  merge(): void {
    const replaced = this.replacedIds.all();
    if (replaced.length > 0) {
      const skip = new Set(replaced);
      this.inBatches(this.db.prepare<[], number>('SELECT id FROM kb_terms').pluck().all(), (termId) => this.fold(termId, skip));
      const done = this.db.prepare<[number]>('DELETE FROM kb_replaced WHERE article_id = ?');
      this.inBatches(replaced, (id) => done.run(id));
    }
    this.inBatches(this.db.prepare<[], number>('SELECT DISTINCT term_id FROM kb_postings_new').pluck().all(), (termId) => this.fold(termId, new Set()));
    // Words no article holds any more; a term written to again since stays.
    const unused = this.db.prepare<[], number>('SELECT id FROM kb_terms WHERE articles = 0').pluck().all();
    const dropBlob = this.db.prepare<[{ term: number }]>('DELETE FROM kb_postings WHERE term_id = @term AND (SELECT articles FROM kb_terms WHERE id = @term) = 0');
    const dropTerm = this.db.prepare<[{ term: number }]>(
      'DELETE FROM kb_terms WHERE id = @term AND articles = 0 AND NOT EXISTS (SELECT 1 FROM kb_postings_new WHERE term_id = @term)',
    );
    this.inBatches(unused, (term) => {
      dropBlob.run({ term });
      dropTerm.run({ term });
    });
  }

  private inBatches(ids: number[], each: (id: number) => void): void {
    writeInSlices(this.db, ids, each);
  }

  /**
   * One term's blob: its merged postings without the replaced articles', and its new postings except the
   * replaced articles' (which stay new until the replaced list is cleared).
   */
  private fold(termId: number, replaced: Set<number>): void {
    const old = decode(this.merged.get(termId) ?? null);
    const rows = this.newer.all(termId);
    const newer = rows.filter(([id]) => !replaced.has(id));
    const ids: number[] = [];
    const weights: number[] = [];
    let j = 0;
    for (let i = 0; i <= old.ids.length; i++) {
      const next = i < old.ids.length ? old.ids[i]! : Number.POSITIVE_INFINITY;
      for (; j < newer.length && newer[j]![0] < next; j++) {
        ids.push(newer[j]![0]);
        weights.push(newer[j]![1]);
      }
      if (i < old.ids.length && !replaced.has(next)) {
        ids.push(next);
        weights.push(old.weights[i]!);
      }
    }
    const blobs = postingBlobs(ids, weights);
    this.countArticles.run(ids.length, termId);
    this.writePostings.run(termId, blobs.best, blobs.all);
    if (newer.length === rows.length) this.dropNewer.run(termId);
    else for (const [id] of newer) this.dropPosting.run(termId, id);
  }

  /** How many articles of a locale are indexed (bm25's N). */
  articleCount(locale: Locale): number {
    return this.statsOf(locale).articles;
  }

  lookup(locale: Locale, term: string): IndexTerm | undefined {
    return this.term.get(locale, term);
  }

  /**
   * Terms starting with `prefix`, those in most articles first: common ones when there are any (the many words
   * a large knowledge base holds once or twice are not read then), else any.
   */
  completions(locale: Locale, prefix: string, max: number): IndexTerm[] {
    const end = prefix + '\u{10FFFF}';
    const common = this.commonStarting.all(locale, prefix, end, max);
    return common.length > 0 ? common : this.allStarting.all(locale, prefix, end, max);
  }

  /** How many articles hold a term: merged, and written since. */
  articlesWith(term: IndexTerm): number {
    return term.articles + this.newerCount.get(term.id)!;
  }

  /** All of a term's postings (merged ones by article id), or only its best merged ones (by weight, best first). */
  postings(termId: number, which: 'all' | 'best' = 'all'): Postings {
    const blob = (which === 'all' ? this.merged : this.mergedBest).get(termId) ?? null;
    return { ...decode(blob), newer: this.newer.all(termId) };
  }

  /** Articles whose merged postings are out of date. */
  replaced(): Set<number> {
    return new Set(this.replacedIds.all());
  }
}
