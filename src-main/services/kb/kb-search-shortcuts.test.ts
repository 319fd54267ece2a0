import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { openDatabase, type Db } from '../db/database';
import { pick, seededRandom } from '../sample-data/synthetic';
import { KbRepo, type KbArticle } from './kb-repo';
import type * as Ranking from './kb-ranking';
import type { KbSearch } from './kb-search';
import { sampleKbArticles } from './sample-kb.test-helper';

const RESOURCES = fileURLToPath(new URL('../../../resources/sample', import.meta.url));
const PRODUCTS = ['Lumen X5', 'Lumen Tab 11', 'Lumen Buds 2', 'Lumen Router AX'];

/** Product pages around the samples, as a large knowledge base has them: a model in the title, a body on one sample's topic. */
function productPages(samples: KbArticle[], count: number): KbArticle[] {
  const r = seededRandom(5);
  const wordsOf = (a: KbArticle) =>
    [...new Intl.Segmenter(a.locale, { granularity: 'word' }).segment(a.body)].filter((s) => s.isWordLike).map((s) => s.segment);
  const pool = new Map<Locale, string[]>();
  for (const a of samples) pool.set(a.locale, [...(pool.get(a.locale) ?? []), ...wordsOf(a)]);
  return Array.from({ length: count }, (_, i) => {
    const topic = pick(r, samples);
    const own = wordsOf(topic);
    const body = Array.from({ length: 40 }, () => pick(r, r() < 0.7 ? own : pool.get(topic.locale)!)).join(topic.locale === 'en' ? ' ' : '');
    return { externalId: `page-${i}`, locale: topic.locale, title: `${pick(r, PRODUCTS)} L${100 + (i % 900)}`, body, tags: [], category: null };
  });
}

/** The labelled and hurried sample queries, each sample title whole and half-typed, and phrases from their bodies. */
function queries(samples: KbArticle[]): { query: string; locale: Locale }[] {
  const labelled = ['kb-queries.jsonl', 'kb-queries-hurried.jsonl'].flatMap((f) =>
    readFileSync(join(RESOURCES, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { query: string; locale: Locale }),
  );
  const titles = samples.flatMap((a) => [a.title, a.title.slice(0, -1), a.title.slice(0, Math.ceil(a.title.length / 2))].map((query) => ({ query, locale: a.locale })));
  // Two neighbouring words of each sample's body: the common words that make most of a search's work.
  const phrases = samples.flatMap((a) => {
    const words = [...new Intl.Segmenter(a.locale, { granularity: 'word' }).segment(a.body)].filter((s) => s.isWordLike).map((s) => s.segment);
    return [0.2, 0.5, 0.8].map((at) => ({ query: words.slice(Math.floor(at * words.length), Math.floor(at * words.length) + 2).join(a.locale === 'en' ? ' ' : ''), locale: a.locale }));
  });
  return [...labelled, ...titles, ...phrases];
}

/** KbSearch built again with the ranking module replaced (vi.doMock), so two versions of it can be compared. */
async function kbSearchWith(ranking: (original: typeof Ranking) => Partial<typeof Ranking>): Promise<typeof KbSearch> {
  vi.resetModules();
  vi.doMock('./kb-ranking', async (importOriginal) => {
    const original = await importOriginal<typeof Ranking>();
    return { ...original, ...ranking(original) };
  });
  const { KbSearch: Search } = await import('./kb-search');
  vi.doUnmock('./kb-ranking');
  return Search;
}

// The shortcuts (a synonym pass that cannot reach the top is skipped; the top found from each word's best postings)
// must change nothing an agent sees: the same articles, in the same order, with the same scores and highlights.
describe('KbSearch with its shortcuts ranks as visiting every posting', () => {
  let db: Db;
  const taken = { fromBest: 0, skipped: 0 };
  let Fast: typeof KbSearch;
  let Full: typeof KbSearch;
  let fast: KbSearch;
  let full: KbSearch;
  beforeAll(async () => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-shortcuts-')), 'cache.sqlite'));
    const samples = sampleKbArticles();
    const repo = new KbRepo(db);
    repo.startImport();
    db.transaction(() => [...samples, ...productPages(samples, 10_000)].forEach((a) => repo.upsert(a)))();
    repo.finishImport();
    Fast = await kbSearchWith((original) => ({
      rankFromBest: (...args: Parameters<typeof original.rankFromBest>) => {
        const found = original.rankFromBest(...args);
        if (found === 'below') taken.skipped++;
        else if (found) taken.fromBest++;
        return found;
      },
    }));
    Full = await kbSearchWith(() => ({ scoreToBeat: () => Number.NEGATIVE_INFINITY, rankFromBest: () => null }));
    fast = new Fast(db);
    full = new Full(db);
  }, 60_000);

  const seen = (search: KbSearch, query: string, locale: Locale | null, limit: number) =>
    search.search(query, { locale, limit }).map((h) => `${h.id} ${h.score} ${JSON.stringify(h.snippet)}`);

  it('for every sample query and title, in its language and in all, for the top 5 and the top 10', () => {
    const all = queries(sampleKbArticles());
    expect(all.length).toBeGreaterThan(1000);
    for (const { query, locale } of all) {
      for (const limit of [5, 10]) expect(seen(fast, query, locale, limit), `${locale}: ${query}`).toEqual(seen(full, query, locale, limit));
    }
    for (const { query } of all.slice(0, 100)) expect(seen(fast, query, null, 5), query).toEqual(seen(full, query, null, 5));
    // Not a comparison of two identical paths: the shortcuts were taken, many times.
    expect(taken.fromBest).toBeGreaterThan(40);
    expect(taken.skipped).toBeGreaterThan(30);
  }, 120_000);

  it('finds articles in none of the words\' best postings when they outscore those in them', () => {
    const kb = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-shortcuts-')), 'cache.sqlite'));
    const repo = new KbRepo(kb);
    const filler = Array.from({ length: 60 }, (_, k) => `filler${k}`).join(' ');
    const page = (externalId: string, title: string, body: string): KbArticle => ({ externalId, locale: 'en', title, body, tags: [], category: null });
    // 120 articles each for "roaming" and "refund" in the title alone (their best postings), the other word once
    // in a long body; 5 with both in a longer title, each word weighing less, together more; and many mentioning
    // both in passing.
    const articles = [
      ...Array.from({ length: 120 }, (_, i) => page(`roaming-${i}`, 'roaming', `refund ${filler}`)),
      ...Array.from({ length: 120 }, (_, i) => page(`refund-${i}`, 'refund', `roaming ${filler}`)),
      ...Array.from({ length: 5 }, (_, i) => page(`both-${i}`, 'roaming refund', filler)),
      ...Array.from({ length: 700 }, (_, i) => page(`other-${i}`, 'other', `roaming refund ${filler}`)),
    ];
    repo.startImport();
    kb.transaction(() => articles.forEach((a) => repo.upsert(a)))();
    repo.finishImport();
    const before = taken.fromBest;
    const top = seen(new Full(kb), 'roaming refund', 'en', 5);
    expect(top.map((h) => h.split(' ')[0]).sort()).toEqual(['both-0', 'both-1', 'both-2', 'both-3', 'both-4']);
    expect(seen(new Fast(kb), 'roaming refund', 'en', 5)).toEqual(top);
    expect(taken.fromBest).toBe(before);
    kb.close();
  });
});
