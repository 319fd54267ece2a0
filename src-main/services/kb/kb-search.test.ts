import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { Cache } from '../db/cache';
import { migrations } from '../db/migrations';
import { openDatabase, type Db } from '../db/database';
import { KbRepo, type KbArticle } from './kb-repo';
import { KbIndex } from './kb-index';
import { KbSearch } from './kb-search';

const articles: KbArticle[] = [
  { externalId: 'refund-cn', locale: 'zh-CN', title: '退款进度查询', body: '客户申请退款后，原路退回一般需要3到5个工作日。积分抵扣的部分以点数退回账户。', tags: ['退款'], category: 'refunds' },
  { externalId: 'complaint-tw', locale: 'zh-TW', title: '客訴處理流程', body: '接到客訴時，先向客戶道歉並確認問題，再建立客訴工單。點數補償需主管同意。', tags: ['客訴'], category: 'complaints' },
  { externalId: 'delivery-cn', locale: 'zh-CN', title: '快递延误怎么办', body: '包裹延误超过48小时，请联系快递公司并为客户登记催件。', tags: ['物流'], category: 'delivery' },
  { externalId: 'refund-th', locale: 'th', title: 'ขั้นตอนการคืนเงิน', body: 'ลูกค้าจะได้รับเงินคืนภายใน 7 วันทำการหลังจากอนุมัติการคืนสินค้า', tags: ['คืนเงิน'], category: 'refunds' },
  { externalId: 'roaming-th', locale: 'th', title: 'เปิดบริการโรมมิ่ง', body: 'ลูกค้าสามารถเปิดโรมมิ่งผ่านแอปก่อนเดินทางไปต่างประเทศ', tags: ['โรมมิ่ง'], category: 'plans' },
  { externalId: 'trade-in-th', locale: 'th', title: 'เทิร์นเครื่องเก่าเป็นส่วนลด', body: 'นำเครื่องเก่ามาเทิร์นเพื่อรับส่วนลดเครื่องใหม่', tags: [], category: 'devices' },
  { externalId: 'refund-en', locale: 'en', title: 'Refund timeline', body: 'Refunds go back to the original payment method within 5 business days. C++ and "quoted" text is fine.', tags: ['refund'], category: 'refunds' },
  { externalId: 'roaming-en', locale: 'en', title: 'Activate roaming', body: 'Roaming can be switched on in the app before travelling. Mention the refund policy only if asked.', tags: ['roaming'], category: 'plans' },
];

// Articles just written are searched in the index's newest postings, merged ones in its blobs: both ways.
describe.each([
  { state: 'just written', merge: false },
  { state: 'merged', merge: true },
])('KbSearch on a real SQLite file, articles $state', ({ merge }) => {
  let db: Db;
  let search: KbSearch;
  beforeAll(() => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-')), 'cache.sqlite'));
    const repo = new KbRepo(db);
    for (const a of articles) repo.upsert(a);
    if (merge) repo.mergeIndex();
    search = new KbSearch(db);
  });
  const ids = (q: string, locale?: KbArticle['locale']) => search.search(q, { locale }).map((h) => h.id);

  it('finds a two-character Chinese query', () => {
    expect(ids('退款', 'zh-CN')[0]).toBe('refund-cn');
  });
  it('finds Thai written without spaces', () => {
    expect(ids('คืนเงิน', 'th')[0]).toBe('refund-th');
  });
  it('matches the half-typed last word as a prefix', () => {
    expect(ids('refu', 'en')[0]).toBe('refund-en');
    expect(ids('activate roa', 'en')).toEqual(['roaming-en']);
    expect(ids('โรมมิ่', 'th')).toContain('roaming-th');
    // The segmenter leaves a half-typed Thai word joined to the one before it.
    expect(ids('เทิร์นเครื่', 'th')[0]).toBe('trade-in-th');
  });
  it('meets simplified and traditional Chinese both ways', () => {
    expect(ids('客诉', 'zh-TW')).toContain('complaint-tw');
    expect(ids('點數', 'zh-CN')).toContain('refund-cn');
  });
  it('ranks a title match above a body mention', () => {
    expect(ids('refund', 'en')).toEqual(['refund-en', 'roaming-en']);
  });
  it('filters by locale, and searches all locales without one', () => {
    expect(ids('退款', 'en')).toEqual([]);
    expect(ids('退款')).toContain('refund-cn');
  });
  it.each(['"', 'a-b', 'col:val', 'AND', '(', 'C++', '*', '', '   ', 'NEAR(', 'title:退款', '退款 OR', '"unterminated'])(
    'never raises an FTS syntax error for %j',
    (q) => {
      expect(() => search.search(q, { locale: 'en' })).not.toThrow();
      expect(() => search.search(q)).not.toThrow();
    },
  );
  it('finds text that looks like syntax as text', () => {
    expect(ids('C++', 'en')).toContain('refund-en');
    expect(ids('"quoted"', 'en')).toContain('refund-en');
  });
  it('returns snippets as text with highlight ranges over the query words', () => {
    const [hit] = search.search('客诉', { locale: 'zh-TW' });
    expect(hit!.snippet.text).toContain('客訴');
    const marked = hit!.snippet.highlights.map((h) => hit!.snippet.text.slice(h.start, h.end));
    expect(marked).toContain('客訴');
    for (const m of marked) expect(['客訴', '客', '訴']).toContain(m);
  });
  it('updates an article in place when imported again', () => {
    new KbRepo(db).upsert({ ...articles.find((a) => a.externalId === 'refund-en')!, title: 'Refund timeline (updated)', body: 'Now within 3 business days.' });
    const [hit] = search.search('refund timeline', { locale: 'en' });
    expect(hit!.title).toBe('Refund timeline (updated)');
    expect(ids('original payment', 'en')).not.toContain('refund-en');
    new KbRepo(db).mergeIndex();
    expect(ids('original payment', 'en')).not.toContain('refund-en');
    expect(ids('refund timeline', 'en')[0]).toBe('refund-en');
    expect(ids('business days', 'en')).toEqual(['refund-en']);
    expect(new KbRepo(db).needsIndexing()).toBe(false);
  });
});

describe('KbSearch on a database written before this index existed (schema 3, FTS5)', () => {
  it('is migrated on open, and found to need indexing; indexed, its articles are found', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kb-')), 'cache.sqlite');
    const old = new Database(path);
    for (const m of migrations.slice(0, 3)) m.up(old);
    old.pragma('user_version = 3');
    old.prepare("INSERT INTO kb_articles (external_id, locale, title, body, tags, updated_at) VALUES ('refund-cn', 'zh-CN', '退款进度查询', '原路退回', '[]', 1)").run();
    old.close();
    const cache = new Cache(path);
    expect(cache.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'kb_fts'").pluck().get()).toBe(0);
    expect(cache.kb.needsIndexing()).toBe(true);
    expect(cache.kbSearch.search('退款', { locale: 'zh-CN' })).toEqual([]);
    expect(cache.kb.ensureIndexed()).toBe(1);
    expect(cache.kb.needsIndexing()).toBe(false);
    expect(cache.kbSearch.search('退款', { locale: 'zh-CN' })[0]?.id).toBe('refund-cn');
    cache.close();
  });
});

describe('KbSearch ranks from merged postings exactly as from every posting', () => {
  // Articles just written are ranked by visiting every posting; merged ones through each term's best postings
  // and by looking up the rarer term's articles in the others. Both must give the same results.
  const vocabulary = Array.from({ length: 40 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x`);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!;
  const corpus: KbArticle[] = Array.from({ length: 400 }, (_, i) => ({
    externalId: `a${i}`,
    locale: 'en',
    title: Array.from({ length: 1 + Math.floor(random() * 4) }, word).join(' '),
    body: Array.from({ length: 5 + Math.floor(random() * 40) }, word).join(' '),
    // Six words of its own per article: more terms than one merge transaction (a few milliseconds) takes.
    tags: [...(random() < 0.3 ? [word()] : []), ...Array.from({ length: 6 }, (_, k) => `own${i}x${k}`)],
    category: null,
  }));
  const queries = [...vocabulary.slice(0, 12), 'wa', 'wb0', 'wc0x wd0x', 'we0x wf', 'wa0x wb0x wc0x', 'wz0x wa1x', 'own17x3 wa0x', 'own3'];
  // Then a tenth of them rewritten, as a second import would.
  const rewritten = corpus.filter((_, i) => i % 10 === 3).map((a) => ({ ...a, title: `${word()} ${word()}`, body: Array.from({ length: 20 }, word).join(' ') }));
  const results = (mergeFirst: boolean, mergeAfter: boolean) => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-')), 'cache.sqlite'));
    const repo = new KbRepo(db);
    db.transaction(() => corpus.forEach((a) => repo.upsert(a)))();
    if (mergeFirst) repo.mergeIndex();
    db.transaction(() => rewritten.forEach((a) => repo.upsert(a)))();
    if (mergeAfter) repo.mergeIndex();
    const search = new KbSearch(db);
    const out = queries.map((q) => search.search(q, { locale: 'en', limit: 8 }).map((h) => `${h.id} ${h.score.toFixed(4)}`));
    expect(repo.needsIndexing()).toBe(false);
    db.close();
    return out;
  };
  it('for one word, a half-typed word, and words that must all match, before and after articles are rewritten', () => {
    const unmerged = results(false, false);
    expect(unmerged.slice(0, -2).every((r) => r.length === 8)).toBe(true);
    expect(unmerged.at(-2)![0]).toMatch(/^a17 /);
    expect(results(true, false)).toEqual(unmerged);
    expect(results(true, true)).toEqual(unmerged);
    expect(results(false, true)).toEqual(unmerged);
  });
});

describe('KbSearch while an import merges the index on another connection', () => {
  it('reads every statement of a search from one snapshot, so a merge between them loses no article', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kb-')), 'cache.sqlite');
    const reader = openDatabase(path);
    const importer = openDatabase(path);
    const repo = new KbRepo(importer);
    for (const a of articles) repo.upsert(a);
    repo.mergeIndex();
    // Rewritten: its old postings wait in the merged blobs, skipped, and its new ones are not merged yet.
    repo.upsert({ ...articles.find((a) => a.externalId === 'refund-en')!, body: 'Now within 3 business days.' });
    const search = new KbSearch(reader);
    // The import worker's merge lands after the search has read which articles were rewritten, before it reads
    // their postings.
    const replaced = KbIndex.prototype.replaced;
    const spy = vi.spyOn(KbIndex.prototype, 'replaced').mockImplementationOnce(function (this: KbIndex) {
      const before = replaced.call(this);
      repo.mergeIndex();
      return before;
    });
    expect(search.search('business days', { locale: 'en' }).map((h) => h.id)).toEqual(['refund-en']);
    expect(spy).toHaveBeenCalled();
    // And after the merge, as before it.
    expect(search.search('business days', { locale: 'en' }).map((h) => h.id)).toEqual(['refund-en']);
    spy.mockRestore();
    reader.close();
    importer.close();
  });
});

describe('KbRepo.reindex on a knowledge base already indexed', () => {
  it('empties the index and builds it again: every search finds what it found before', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-')), 'cache.sqlite'));
    const repo = new KbRepo(db);
    for (const a of articles) repo.upsert(a);
    repo.mergeIndex();
    const search = new KbSearch(db);
    const queries = ['退款', '客诉', 'คืนเงิน', 'refund', 'roa', 'เทิร์นเครื่'];
    const before = queries.map((q) => search.search(q).map((h) => `${h.id} ${h.score.toFixed(4)}`));
    expect(repo.reindex()).toBe(articles.length);
    expect(repo.needsIndexing()).toBe(false);
    expect(queries.map((q) => search.search(q).map((h) => `${h.id} ${h.score.toFixed(4)}`))).toEqual(before);
    db.close();
  });
});
