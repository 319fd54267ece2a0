import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { KbBulkIndex } from './kb-bulk-index';
import { KbRepo } from './kb-repo';
import { KbSearch } from './kb-search';
import { sampleKbArticles } from './sample-kb.test-helper';

const articles = sampleKbArticles();
// What an agent types, in each language: whole words, half-typed ones, several words, a typo.
const queries = ['退款', '客诉', '发票', '點數', 'คืนเงิน', 'โรมมิ่ง', 'refund', 'roa', 'late delivery', 'cancel order', 'refnd', 'เทิร์นเครื่'];
// A tenth of them rewritten afterwards, as a second import would.
const rewritten = articles.filter((_, i) => i % 10 === 3).map((a) => ({ ...a, title: `${a.title} ${a.tags.join(' ')}`, body: a.body.slice(0, 60) }));

// Each build writes in slices with the write lock left free between (writeInSlices): seconds on a busy machine.
const BUILDS = 60_000;

const newDb = (): Db => openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-bulk-')), 'cache.sqlite'));
const found = (db: Db) => {
  const search = new KbSearch(db);
  return queries.map((q) => search.search(q, { limit: 8 }).map((h) => `${h.id} ${h.score.toFixed(4)}`));
};

/** The index as the app built it before bulk builds: article by article, then merged. */
function indexedOneByOne(then: typeof rewritten = []): string[][] {
  const db = newDb();
  const repo = new KbRepo(db);
  db.transaction(() => articles.forEach((a) => repo.upsert(a)))();
  repo.mergeIndex();
  db.transaction(() => then.forEach((a) => repo.upsert(a)))();
  repo.mergeIndex();
  const out = found(db);
  db.close();
  return out;
}

/** A first import as the import worker runs it (importFile): startImport, every article stored, finishImport. */
function firstImport(db: Db): KbRepo {
  const repo = new KbRepo(db);
  repo.startImport();
  db.transaction(() => articles.forEach((a) => repo.upsert(a)))();
  repo.finishImport();
  return repo;
}

describe('a first import builds the index whole', () => {
  it('and every search finds and ranks what the index built article by article does', () => {
    const db = newDb();
    const repo = firstImport(db);
    expect(repo.needsIndexing()).toBe(false);
    const results = found(db);
    expect(results.filter((r) => r.length > 0).length).toBeGreaterThanOrEqual(queries.length - 1);
    expect(results).toEqual(indexedOneByOne());
    db.close();
  }, BUILDS);

  it('and a later import into it indexes article by article on top, found before and after its merge', () => {
    const db = newDb();
    const repo = firstImport(db);
    // Not the first import any more: each article is indexed as it is stored, found before the merge.
    repo.startImport();
    db.transaction(() => rewritten.forEach((a) => repo.upsert(a)))();
    const expected = indexedOneByOne(rewritten);
    expect(found(db)).toEqual(expected);
    repo.finishImport();
    expect(found(db)).toEqual(expected);
    expect(repo.needsIndexing()).toBe(false);
    db.close();
  }, BUILDS);
});

describe('a first import cut short', () => {
  it('before the index is built: the index is found to need indexing, and indexing finds every article', () => {
    const db = newDb();
    const repo = new KbRepo(db);
    repo.startImport();
    db.transaction(() => articles.forEach((a) => repo.upsert(a)))();
    // The worker dies here. The app's next start asks, in a fresh worker:
    const next = new KbRepo(db);
    expect(next.needsIndexing()).toBe(true);
    expect(next.ensureIndexed()).toBe(articles.length);
    expect(next.needsIndexing()).toBe(false);
    expect(found(db)).toEqual(indexedOneByOne());
    db.close();
  }, BUILDS);

  it('while the index is written, a language or a term at a time: found to need indexing, then indexed correctly', () => {
    // Cut in the first language, and in the last (whose counts would make the index look whole).
    for (const dieAfter of [1, new Set(articles.map((a) => a.locale)).size]) {
      const db = newDb();
      const write = KbBulkIndex.prototype.write;
      let calls = 0;
      // The languages before written whole; this one's terms partly (its counts, written last, never).
      const spy = vi.spyOn(KbBulkIndex.prototype, 'write').mockImplementation(function (this: KbBulkIndex, target: Db) {
        if (++calls < dieAfter) return write.call(this, target);
        let blobs = 0;
        const dying = new Proxy(target, {
          get(t, p) {
            if (p === 'prepare')
              return (sql: string) => {
                const statement = t.prepare(sql);
                if (!sql.includes('kb_postings')) return statement;
                return { run: (...args: unknown[]) => (++blobs > 5 ? (() => { throw new Error('killed'); })() : statement.run(...args)) };
              };
            const v = Reflect.get(t, p) as unknown;
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
          },
        });
        write.call(this, dying);
      });
      expect(() => firstImport(db)).toThrow('killed');
      spy.mockRestore();
      const next = new KbRepo(db);
      expect(next.needsIndexing()).toBe(true);
      next.ensureIndexed();
      expect(next.needsIndexing()).toBe(false);
      expect(found(db)).toEqual(indexedOneByOne());
      db.close();
    }
  }, BUILDS);
});

describe('a bulk build while a pull indexes an article of the same language', () => {
  it('keeps the count the pull added: the build adds its own to it', () => {
    const db = newDb();
    const stats = db.prepare<[], { articles: number; body_words: number }>("SELECT articles, body_words FROM kb_index_stats WHERE locale = 'en'");
    // The pull's article, indexed one by one meanwhile (its count is in before the build writes its own).
    db.prepare("INSERT INTO kb_index_stats (locale, articles, title_words, body_words, tag_words) VALUES ('en', 1, 2, 30, 1)").run();
    const bulk = new KbBulkIndex('en');
    bulk.add(101, { title: ['refund'], body: ['money', 'back', 'soon'], tags: [] });
    bulk.add(102, { title: ['late', 'parcel'], body: ['courier', 'delay'], tags: ['delivery'] });
    bulk.write(db);
    expect(stats.get()).toEqual({ articles: 3, body_words: 30 + 3 + 2 });
    db.close();
  });
});
