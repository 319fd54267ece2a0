import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Locale } from '../../../../src-shared/domain/screen-pop';
import { indexText } from '../../../../src-shared/text/segment';
import { Cache } from '../../../services/db/cache';
import { KbRepo, type KbArticle } from '../../../services/kb/kb-repo';
import { heapUsedAfterGc } from './stats';

/** One search engine under test, fed the same articles and the same segmentation. */
export interface KbEngine {
  name: string;
  build(articles: KbArticle[]): void;
  search(query: string, locale: Locale, limit: number): string[];
  /** Bytes the index takes (heap for in-memory engines, index pages for SQLite). */
  indexBytes(): number;
  close(): void;
}

/**
 * Segmentation done once for all engines (the same Intl.Segmenter words for each), so build times compare
 * indexing, not three runs of the same segmenter. The bench reports segmentation time on its own.
 */
const segmented = new Map<string, string>();
export function segmentOnce(text: string): string {
  let s = segmented.get(text);
  if (s === undefined) segmented.set(text, (s = indexText(text)));
  return s;
}
const words = (text: string) => {
  const s = segmentOnce(text);
  return s === '' ? [] : s.split(' ');
};
const endsMidWord = (q: string) => !/[\s\p{P}]$/u.test(q);

export function ourSearch(): KbEngine {
  const dir = mkdtempSync(join(tmpdir(), 'bench-kb-'));
  const cache = new Cache(join(dir, 'cache.sqlite'));
  return {
    name: 'agent-desktop (SQLite, bm25 postings + Intl.Segmenter)',
    build(articles) {
      const repo = new KbRepo(cache.db, Date.now, segmentOnce);
      // As the import worker imports into an empty knowledge base: articles stored, then the index built whole.
      repo.startImport();
      cache.db.transaction(() => articles.forEach((a) => repo.upsert(a)))();
      repo.finishImport();
      cache.db.pragma('optimize');
      // Typo matching's vocabulary, read once the index is built (counted in the build time).
      cache.kbSearch.warm();
    },
    search: (query, locale, limit) => cache.kbSearch.search(query, { locale, limit }).map((h) => h.id),
    indexBytes() {
      const row = cache.db.prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name IN ('kb_terms', 'sqlite_autoindex_kb_terms_1', 'kb_terms_common', 'kb_postings', 'kb_postings_new', 'kb_replaced', 'kb_index_stats')").get() as { bytes: number };
      return row.bytes;
    },
    close() {
      cache.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** MiniSearch as the issue compares it: with `fuzzy`, its fuzzy (edit distance up to a fifth of a word) and prefix options on for every word. */
export function miniSearch(engineOptions: { fuzzy?: boolean } = {}): KbEngine {
  const locales = new Map<string, Locale>();
  const index = new MiniSearch<KbArticle>({
    idField: 'externalId',
    fields: ['title', 'body', 'tags'],
    extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : String(doc[field as keyof KbArticle] ?? '')),
    tokenize: words,
    processTerm: (term) => term,
  });
  let before = 0;
  let after = 0;
  return {
    name: engineOptions.fuzzy ? 'MiniSearch (fuzzy 0.2 + prefix)' : 'MiniSearch',
    build(articles) {
      before = heapUsedAfterGc();
      for (const a of articles) locales.set(a.externalId, a.locale);
      index.addAll(articles);
      after = heapUsedAfterGc();
    },
    search(query, locale, limit) {
      const options = {
        tokenize: words,
        processTerm: (t: string) => t,
        prefix: engineOptions.fuzzy ? true : (_t: string, i: number, all: string[]) => i === all.length - 1 && endsMidWord(query),
        ...(engineOptions.fuzzy ? { fuzzy: 0.2 } : {}),
        boost: { title: 8, tags: 3 },
        filter: (r: { id: string }) => locales.get(r.id) === locale,
      };
      let hits = index.search(query, { ...options, combineWith: 'AND' });
      if (hits.length < limit) {
        const seen = new Set(hits.map((h) => h.id));
        hits = hits.concat(index.search(query, { ...options, combineWith: 'OR' }).filter((h) => !seen.has(h.id)));
      }
      return hits.slice(0, limit).map((h) => String(h.id));
    },
    indexBytes: () => after - before,
    close() {},
  };
}

export function flexSearch(): KbEngine {
  type Doc = { id: string; title: string; tags: string; body: string };
  const byLocale = new Map<Locale, Document<Doc>>();
  const make = () =>
    new Document<Doc>({
      tokenize: 'forward',
      encoder: words,
      document: { id: 'id', index: ['title', 'tags', 'body'] },
    } as ConstructorParameters<typeof Document<Doc>>[0]);
  const weights: Record<string, number> = { title: 8, tags: 3, body: 1 };
  let before = 0;
  let after = 0;
  const run = (index: Document<Doc>, query: string, limit: number, suggest: boolean) => {
    const scores = new Map<string, number>();
    const fields = index.search(query, { limit: limit * 4, suggest } as never) as unknown as { field: string; result: string[] }[];
    for (const { field, result } of fields) {
      result.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + (weights[field] ?? 1) / (rank + 1)));
    }
    return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
  return {
    name: 'FlexSearch (forward tokenizer)',
    build(articles) {
      before = heapUsedAfterGc();
      for (const a of articles) {
        let index = byLocale.get(a.locale);
        if (!index) byLocale.set(a.locale, (index = make()));
        index.add({ id: a.externalId, title: a.title, tags: a.tags.join(' '), body: a.body });
      }
      after = heapUsedAfterGc();
    },
    search(query, locale, limit) {
      const index = byLocale.get(locale);
      if (!index) return [];
      let ids = run(index, query, limit, false);
      if (ids.length < limit) {
        const seen = new Set(ids);
        ids = ids.concat(run(index, query, limit, true).filter((id) => !seen.has(id)));
      }
      return ids.slice(0, limit);
    },
    indexBytes: () => after - before,
    close() {},
  };
}
