import type Database from 'better-sqlite3';

/**
 * The knowledge-base index of our own in place of FTS5 (whose bm25 ranks every matching article, tens of
 * thousands for a common word): per locale and term, the articles holding it with their precomputed bm25 weight
 * in one blob, read and summed in a fraction of a millisecond. Articles are indexed again by the repository when
 * it opens a database whose index is empty.
 */
export function up(db: Database.Database): void {
  db.exec(`
    DROP TABLE kb_vocab;
    DROP TABLE kb_fts;
    -- Every word of a locale's articles; articles: how many hold it, as of the last merge. The partial index
    -- lists the words in 10 or more articles: a half-typed word is completed from those first, without reading
    -- the many words a large knowledge base holds only once or twice.
    CREATE TABLE kb_terms (
      id INTEGER PRIMARY KEY,
      locale TEXT NOT NULL,
      term TEXT NOT NULL,
      articles INTEGER NOT NULL DEFAULT 0,
      UNIQUE (locale, term)
    ) STRICT;
    CREATE INDEX kb_terms_common ON kb_terms(locale, term, articles) WHERE articles >= 10;
    -- A term's merged postings: article ids (int32, ascending) then their weights (float32), in the machine's byte
    -- order; best: the same for the 100 of highest weight, best first, enough for a one-word search's results.
    -- best comes first in the row so reading it never walks the long blob's pages.
    CREATE TABLE kb_postings (
      term_id INTEGER PRIMARY KEY,
      best BLOB NOT NULL,
      postings BLOB NOT NULL
    ) STRICT;
    -- Postings written since the last merge (an import merges them into kb_terms when it ends).
    CREATE TABLE kb_postings_new (
      term_id INTEGER NOT NULL,
      article_id INTEGER NOT NULL,
      weight REAL NOT NULL,
      PRIMARY KEY (term_id, article_id)
    ) STRICT, WITHOUT ROWID;
    -- Articles changed since the last merge: their merged postings are out of date and skipped.
    CREATE TABLE kb_replaced (article_id INTEGER PRIMARY KEY) STRICT;
    -- Per locale, for bm25: how many articles and how many words in each field.
    CREATE TABLE kb_index_stats (
      locale TEXT PRIMARY KEY,
      articles INTEGER NOT NULL,
      title_words INTEGER NOT NULL,
      body_words INTEGER NOT NULL,
      tag_words INTEGER NOT NULL
    ) STRICT;
  `);
}
