import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { KbRepo, type KbArticle } from './kb-repo';
import { KbSearch } from './kb-search';

const articles: KbArticle[] = [
  { externalId: 'refund-cn', locale: 'zh-CN', title: '退款进度查询', body: '客户申请退款后，原路退回一般需要3到5个工作日。积分抵扣的部分以点数退回账户。', tags: ['退款'], category: 'refunds' },
  { externalId: 'complaint-tw', locale: 'zh-TW', title: '客訴處理流程', body: '接到客訴時，先向客戶道歉並確認問題，再建立客訴工單。點數補償需主管同意。', tags: ['客訴'], category: 'complaints' },
  { externalId: 'delivery-cn', locale: 'zh-CN', title: '快递延误怎么办', body: '包裹延误超过48小时，请联系快递公司并为客户登记催件。', tags: ['物流'], category: 'delivery' },
  { externalId: 'refund-th', locale: 'th', title: 'ขั้นตอนการคืนเงิน', body: 'ลูกค้าจะได้รับเงินคืนภายใน 7 วันทำการหลังจากอนุมัติการคืนสินค้า', tags: ['คืนเงิน'], category: 'refunds' },
  { externalId: 'roaming-th', locale: 'th', title: 'เปิดบริการโรมมิ่ง', body: 'ลูกค้าสามารถเปิดโรมมิ่งผ่านแอปก่อนเดินทางไปต่างประเทศ', tags: ['โรมมิ่ง'], category: 'plans' },
  { externalId: 'refund-en', locale: 'en', title: 'Refund timeline', body: 'Refunds go back to the original payment method within 5 business days. C++ and "quoted" text is fine.', tags: ['refund'], category: 'refunds' },
  { externalId: 'roaming-en', locale: 'en', title: 'Activate roaming', body: 'Roaming can be switched on in the app before travelling. Mention the refund policy only if asked.', tags: ['roaming'], category: 'plans' },
];

describe('KbSearch on a real SQLite file', () => {
  let db: Db;
  let search: KbSearch;
  beforeAll(() => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-')), 'cache.sqlite'));
    const repo = new KbRepo(db);
    for (const a of articles) repo.upsert(a);
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
    new KbRepo(db).upsert({ ...articles[5]!, title: 'Refund timeline (updated)', body: 'Now within 3 business days.' });
    const [hit] = search.search('refund timeline', { locale: 'en' });
    expect(hit!.title).toBe('Refund timeline (updated)');
    expect(ids('original payment', 'en')).not.toContain('refund-en');
  });
});
