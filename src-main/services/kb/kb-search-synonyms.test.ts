import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';
import type { Db } from '../db/database';
import { importFile } from '../importers/importer';
import { KbSearch } from './kb-search';
import { KbSynonyms, SynonymGroup, readSynonymLines, shippedSynonyms } from './kb-synonyms';
import { sampleKbArticles, sampleKbDb } from './sample-kb.test-helper';

// The customer's everyday word, typed by the agent, for what the article calls by its proper name.
describe('KbSearch with the shipped synonym table (sample articles)', () => {
  let db: Db;
  let search: KbSearch;
  beforeAll(() => {
    db = sampleKbDb();
    search = new KbSearch(db);
  });
  const top = (q: string, locale: SynonymGroup['locale'], n = 1) => search.search(q, { locale, limit: 5 }).slice(0, n).map((h) => h.id);

  it.each([
    ['en', 'money back', 'kb-refund-timeline-en'],
    ['en', 'voucher', 'kb-coupon-not-applied-en'],
    ['en', 'call off', 'kb-cancel-plan-en'],
    ['en', 'pay at the door', 'kb-cash-on-delivery-en'],
    ['en', 'ring me back', 'kb-complaint-callback-followup-en'],
    ['en', 'parcel never came', 'kb-lost-parcel-en'],
    ['zh-CN', '退钱', 'kb-refund-timeline-zh-CN'],
    ['zh-CN', '交话费', 'kb-prepaid-topup-zh-CN'],
    ['zh-CN', '不要了', 'kb-order-cancellation-zh-CN'],
    ['zh-CN', '没收到货', 'kb-lost-parcel-zh-CN'],
    ['zh-CN', '网很卡', 'kb-slow-internet-zh-CN'],
    ['zh-TW', '不要了', 'kb-order-cancellation-zh-TW'],
    ['zh-TW', '退錢', 'kb-refund-timeline-zh-TW'],
    ['zh-TW', '加值', 'kb-prepaid-topup-zh-TW'],
    ['zh-TW', '破屏', 'kb-screen-cracked-zh-TW'],
    ['th', 'ไม่เอาแล้ว', 'kb-order-cancellation-th'],
    ['th', 'ขอเงินคืน', 'kb-refund-timeline-th'],
    ['th', 'ไปเมืองนอก', 'kb-roaming-th'],
    ['th', 'ท็อปอัพ', 'kb-prepaid-topup-th'],
  ] as const)('%s: %j finds %s first', (locale, q, id) => {
    expect(top(q, locale)).toEqual([id]);
  });

  it('ranks an article found by a synonym just below one found by the words typed', () => {
    const literal = search.search('cancel', { locale: 'en' }).find((h) => h.id === 'kb-order-cancellation-en')!;
    const synonym = search.search('call off', { locale: 'en' }).find((h) => h.id === 'kb-order-cancellation-en')!;
    expect(synonym.score).toBeLessThan(literal.score);
    expect(synonym.score).toBeGreaterThan(literal.score * 0.5);
  });

  it('highlights the article word the synonym stood for', () => {
    const [hit] = search.search('money back', { locale: 'en' });
    const marked = hit!.snippet.highlights.map((h) => hit!.snippet.text.slice(h.start, h.end).toLowerCase());
    expect(marked).toContain('refund');
  });
});

describe('the synonym table as data', () => {
  it('ships a call-center vocabulary in every locale, every row valid and every word searchable', () => {
    const groups = shippedSynonyms();
    for (const locale of ['zh-CN', 'zh-TW', 'th', 'en'] as const) expect(groups.filter((g) => g.locale === locale).length).toBeGreaterThanOrEqual(30);
    for (const g of groups) expect(SynonymGroup.safeParse(g).success).toBe(true);
  });

  it('rejects bad rows with their line and reason, keeping the good ones', () => {
    const text = [
      '{"locale":"en","words":["fob","key fob"]}',
      '{"locale":"xx","words":["a","b"]}',
      '{"locale":"en","words":["alone"]}',
      'not json',
      '{"locale":"th","words":["ตังค์","เงิน"]}',
      '{"locale":"en","words":["!!!","refund"]}',
    ].join('\n');
    const { groups, rejected } = readSynonymLines(text);
    expect(groups.map((g) => g.words[0])).toEqual(['fob', 'ตังค์']);
    expect(rejected.map((r) => r.line)).toEqual([2, 3, 4, 6]);
    expect(rejected[0]!.reason).toMatch(/locale/);
    expect(rejected[1]!.reason).toMatch(/at least two/);
    expect(rejected[3]!.reason).toMatch(/no letters or digits/);
  });

  it('a lead imports rows with `import synonyms` (bad rows listed by line), and the search uses them at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-syn-'));
    const cache = new Cache(join(dir, 'cache.sqlite'));
    const repo = cache.kb;
    for (const a of sampleKbArticles().filter((x) => x.locale === 'en')) repo.upsert(a);
    repo.mergeIndex();
    expect(cache.kbSearch.search('bump my plan ', { locale: 'en' }).map((h) => h.id)[0]).not.toBe('kb-plan-change-en');
    const file = join(dir, 'team-words.jsonl');
    writeFileSync(file, '{"locale":"en","words":["bump my plan","change plan"]}\n{"locale":"en","words":[]}\n{"locale":"en","words":["bump my plan","change plan"]}\n');
    const result = importFile(cache, 'synonyms', file, { region: 'CN' });
    expect(result).toMatchObject({ imported: 1, updated: 1, rejected: [{ line: 2 }] });
    expect(cache.kbSearch.search('bump my plan ', { locale: 'en' }).map((h) => h.id)[0]).toBe('kb-plan-change-en');
    // Another process (the import worker) wrote it: a search elsewhere reads it too.
    expect(new KbSearch(cache.db).search('bump my plan ', { locale: 'en' })[0]?.id).toBe('kb-plan-change-en');
    cache.close();
  });

  it('drops a variant that only repeats words already typed (it would be the query with a word left out)', () => {
    const table = new KbSynonyms([{ locale: 'th', words: ['เครื่องร้อน', 'ร้อนมาก'] }]);
    const terms = ['เครื่อง', 'ร้อน', 'มาก', 'ตอน', 'ชาร์จ'].map((text) => ({ text, prefix: false }));
    expect(table.variants(terms, 'th')).toEqual([]);
  });

  it('replaces one phrase at a time, bounded', () => {
    const table = new KbSynonyms([{ locale: 'en', words: ['call off', 'cancel'] }]);
    const variants = table.variants([{ text: 'call', prefix: false }, { text: 'off', prefix: false }, { text: 'order', prefix: true }], 'en');
    expect(variants.map((v) => v.map((t) => t.text).join(' '))).toEqual(['cancel order']);
  });
});
