import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { indexText } from '../../../src-shared/text/segment';
import { KbBulkIndex } from './kb-bulk-index';
import { KbIndex, type ArticleWords } from './kb-index';

/** How article text becomes index text; the benchmark passes a memoised one so every engine segments once. */
export type Segment = (text: string, locale: Locale) => string;

export interface KbArticle {
  externalId: string;
  locale: Locale;
  title: string;
  body: string;
  tags: string[];
  category: string | null;
}

interface ArticleRow {
  external_id: string;
  locale: Locale;
  title: string;
  body: string;
  tags: string;
  category: string | null;
  updated_at: number;
}

/** An article's text as stored (tags as JSON), what its index entries were made from. */
interface StoredText {
  locale: Locale;
  title: string;
  body: string;
  tags: string;
}

const sameText = (a: StoredText, b: StoredText) => a.locale === b.locale && a.title === b.title && a.body === b.body && a.tags === b.tags;

/** An article with its words segmented, and its stored version's if it has one: ready to write (KbRepo.store). */
export interface PreparedArticle {
  article: KbArticle;
  words: ArticleWords;
  previous: { stored: StoredText; words: ArticleWords } | null;
}

/**
 * kb_articles and its search index (KbIndex), which holds each article's words as Intl.Segmenter found them
 * (folded: lower case, traditional Chinese as simplified). Imports end with mergeIndex().
 */
export class KbRepo {
  private readonly upsertArticle;
  private readonly searchIndex: KbIndex;
  private readonly existing;
  private readonly byExternalId;
  private readonly inCategory;
  /** An import into an empty knowledge base is under way: articles are stored unindexed, then indexed whole. */
  private bulk = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly segment: Segment = indexText,
  ) {
    this.upsertArticle = db.prepare<[string, string, string, string, string, string | null, number], { id: number }>(`
      INSERT INTO kb_articles (external_id, locale, title, body, tags, category, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (external_id) DO UPDATE SET locale = excluded.locale, title = excluded.title, body = excluded.body,
        tags = excluded.tags, category = excluded.category, updated_at = excluded.updated_at
      RETURNING id`);
    this.searchIndex = new KbIndex(db);
    this.existing = db.prepare<[string], StoredText & { id: number }>(
      'SELECT id, locale, title, body, tags FROM kb_articles WHERE external_id = ?',
    );
    this.byExternalId = db.prepare<[string], ArticleRow>(
      'SELECT external_id, locale, title, body, tags, category, updated_at FROM kb_articles WHERE external_id = ?',
    );
    this.inCategory = db.prepare<[string, string, number], ArticleRow>(`
      SELECT external_id, locale, title, body, tags, category, updated_at FROM kb_articles
      WHERE locale = ? AND category IN (SELECT value FROM json_each(?)) ORDER BY updated_at DESC, id LIMIT ?`);
  }

  /** Articles of the given categories in a locale, most recently updated first (suggestions by call routing). */
  inCategories(categories: readonly string[], locale: Locale, limit: number): { externalId: string; title: string; category: string | null; body: string }[] {
    if (categories.length === 0) return [];
    return this.inCategory
      .all(locale, JSON.stringify(categories), limit)
      .map((r) => ({ externalId: r.external_id, title: r.title, category: r.category, body: r.body }));
  }

  /** One article as the agent reads it, or null when it is not (or no longer) in the cache. */
  article(externalId: string): (KbArticle & { updatedAt: number }) | null {
    const r = this.byExternalId.get(externalId);
    if (!r) return null;
    return {
      externalId: r.external_id,
      locale: r.locale,
      title: r.title,
      body: r.body,
      tags: JSON.parse(r.tags) as string[],
      category: r.category,
      updatedAt: r.updated_at,
    };
  }

  /** Insert or update by external id, reindexing the article. Returns whether it was new. */
  upsert(article: KbArticle): { id: number; created: boolean } {
    return this.store(this.prepare(article));
  }

  /**
   * Segments an article's text, and its stored version's (whose words leave the index), outside any transaction:
   * segmenting is most of an import's time, and other writers (a work order being filed) wait while one is open.
   */
  prepare(article: KbArticle): PreparedArticle {
    if (this.bulk) return { article, words: { title: [], body: [], tags: [] }, previous: null };
    const stored = this.existing.get(article.externalId);
    return { article, words: this.articleWords(article), previous: stored ? { stored, words: this.storedWords(stored) } : null };
  }

  /** Writes a prepared article and its index entries. Returns whether it was new. */
  store({ article, words, previous }: PreparedArticle): { id: number; created: boolean } {
    return this.db.transaction(() => {
      const before = this.existing.get(article.externalId);
      const { id } = this.upsertArticle.get(
        article.externalId,
        article.locale,
        article.title,
        article.body,
        JSON.stringify(article.tags),
        article.category,
        this.now(),
      )!;
      if (this.bulk) return { id, created: !before };
      if (before) {
        // Rewritten since it was prepared (rare): its stored words are segmented again, here.
        const same = previous && sameText(previous.stored, before);
        this.searchIndex.remove(id, before.locale, same ? previous.words : this.storedWords(before));
      }
      this.searchIndex.add(id, article.locale, words);
      return { id, created: !before };
    })();
  }

  /**
   * Takes an article and its words out of the cache (retired on the team server); its helped marks go with it.
   * Returns whether it was there.
   */
  remove(externalId: string): boolean {
    return this.db.transaction(() => {
      const stored = this.existing.get(externalId);
      if (!stored) return false;
      this.searchIndex.remove(stored.id, stored.locale, this.storedWords(stored));
      this.db.prepare<[number]>('DELETE FROM kb_articles WHERE id = ?').run(stored.id);
      return true;
    })();
  }

  /**
   * Whether the search index does not hold every article: a database written before the index existed, or a
   * reindex that was cut short.
   */
  needsIndexing(): boolean {
    return this.db.prepare('SELECT (SELECT count(*) FROM kb_articles) != (SELECT ifnull(sum(articles), 0) FROM kb_index_stats)').pluck().get() === 1;
  }

  /** Indexes every article when needsIndexing(); returns how many were indexed. Bulk work: run it off the main thread. */
  ensureIndexed(): number {
    return this.needsIndexing() ? this.reindex() : 0;
  }

  /**
   * An import begins. Into an empty knowledge base (a first import, the largest there is), articles are stored
   * without their index entries and finishImport() builds the index whole, several times faster than posting by
   * posting; they are found once it has ended (there was nothing to find before). Into one with articles, every
   * article is indexed as it is stored and found at once. Cut short either way, the index is found to need indexing
   * (needsIndexing) or searches correctly.
   */
  startImport(): void {
    this.bulk = this.db.prepare('SELECT NOT EXISTS (SELECT 1 FROM kb_articles)').pluck().get() === 1;
  }

  /** The import has ended: the index is built whole (after a first import) or what was written merged. */
  finishImport(): void {
    if (this.bulk) {
      this.bulk = false;
      this.reindex();
    } else this.mergeIndex();
  }

  /** Folds what was written since the last merge into the index's blobs (imports call it when they end). */
  mergeIndex(): void {
    this.searchIndex.merge();
  }

  /**
   * Rebuilds the whole index from kb_articles (after a first import, a segmentation change, or on a database indexed
   * before), a locale at a time (KbBulkIndex): segmented outside any transaction, written in short ones like an
   * import, so other writers never wait long.
   */
  reindex(): number {
    this.searchIndex.clear();
    const locales = this.db.prepare('SELECT DISTINCT locale FROM kb_articles ORDER BY locale').pluck().all() as Locale[];
    const idsIn = this.db.prepare<[string], number>('SELECT id FROM kb_articles WHERE locale = ? ORDER BY id').pluck();
    const article = this.db.prepare<[number], StoredText>('SELECT locale, title, body, tags FROM kb_articles WHERE id = ?');
    let indexed = 0;
    for (const locale of locales) {
      const built = new KbBulkIndex(locale);
      for (const id of idsIn.all(locale)) {
        // Imports and indexing run one at a time (in the import worker); an article changed meanwhile from the
        // main thread is indexed there too, and its postings here are skipped as replaced.
        const r = article.get(id);
        if (r && r.locale === locale) {
          built.add(id, this.storedWords(r));
          indexed++;
        }
      }
      built.write(this.db);
    }
    return indexed;
  }

  private articleWords(a: KbArticle): ArticleWords {
    return this.words(a.locale, a.title, a.body, a.tags);
  }

  private storedWords(r: StoredText): ArticleWords {
    return this.words(r.locale, r.title, r.body, JSON.parse(r.tags) as string[]);
  }

  private words(locale: Locale, title: string, body: string, tags: string[]): ArticleWords {
    const split = (text: string) => {
      const s = this.segment(text, locale);
      return s === '' ? [] : s.split(' ');
    };
    return { title: split(title), body: split(body), tags: split(tags.join(' ')) };
  }
}
