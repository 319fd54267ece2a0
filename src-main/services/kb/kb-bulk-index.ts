import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { writeInSlices } from '../db/write-in-slices';
import { postingBlobs, termWeights, type ArticleWords, type Stats } from './kb-index';

/**
 * One locale's index built whole (an empty index's first build: a first import, or indexing again): postings are
 * gathered in memory in article order and each term's blobs written once, in term order, instead of every posting
 * going through kb_postings_new one random B-tree insert at a time and being merged afterwards. Weights are the
 * ones KbIndex.add gives the same articles added in the same order (running averages included), so a search ranks
 * a bulk-built index exactly as an incrementally built and merged one.
 *
 * Crash safety: the locale's counts (kb_index_stats) are written last, after every term and blob; cut short before
 * that, the index holds fewer articles than kb_articles and KbRepo.needsIndexing says so.
 */
export class KbBulkIndex {
  private readonly stats: Stats = { articles: 0, title_words: 0, body_words: 0, tag_words: 0 };
  private readonly postings = new Map<string, { ids: number[]; weights: number[] }>();

  constructor(private readonly locale: Locale) {}

  /** Articles must come in ascending id order (a blob's ids are ascending). */
  add(articleId: number, words: ArticleWords): void {
    const s = this.stats;
    s.articles++;
    s.title_words += words.title.length;
    s.body_words += words.body.length;
    s.tag_words += words.tags.length;
    for (const [term, weight] of termWeights(words, s)) {
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = { ids: [], weights: [] }));
      p.ids.push(articleId);
      p.weights.push(weight);
    }
  }

  /** Writes the terms and their blobs in short transactions (writeInSlices), then the locale's counts. */
  write(db: Db): void {
    // A term a concurrent writer added meanwhile (only ever to kb_postings_new) keeps its id and its new postings.
    const term = db.prepare<[string, string, number], number>(`
      INSERT INTO kb_terms (locale, term, articles) VALUES (?, ?, ?)
      ON CONFLICT (locale, term) DO UPDATE SET articles = excluded.articles RETURNING id`).pluck();
    const blobs = db.prepare<[number, Buffer, Buffer]>('INSERT OR REPLACE INTO kb_postings (term_id, best, postings) VALUES (?, ?, ?)');
    writeInSlices(db, [...this.postings], ([word, { ids, weights }]) => {
      const { best, all } = postingBlobs(ids, weights);
      blobs.run(term.get(this.locale, word, ids.length)!, best, all);
    });
    this.postings.clear();
    const s = this.stats;
    writeInSlices(db, [s], () =>
      db
        .prepare<[string, number, number, number, number]>(
          // Added to what is there: articles a pull indexed meanwhile (KbIndex.add) counted themselves already.
          `INSERT INTO kb_index_stats (locale, articles, title_words, body_words, tag_words) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (locale) DO UPDATE SET articles = articles + excluded.articles, title_words = title_words + excluded.title_words,
             body_words = body_words + excluded.body_words, tag_words = tag_words + excluded.tag_words`,
        )
        .run(this.locale, s.articles, s.title_words, s.body_words, s.tag_words),
    );
  }
}
