import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';
import { importFile, type ImportProgress } from './importer';

let dir: string;
let cache: Cache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-'));
  cache = new Cache(join(dir, 'cache.sqlite'));
});
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('importFile', () => {
  it('imports customers from CSV with a BOM, normalising phones, and is idempotent', () => {
    const path = file(
      'customers.csv',
      '\uFEFFid,name,tier,language,phones,notes,tags\n' +
        'C-1,王小明,vip,zh-CN,+86 138 1234 5678;010 6552 9988,"likes callbacks, after 6pm",vip;complaint\n' +
        'C-2,陳美玲,gold,zh-TW,,,\n',
    );
    const first = importFile(cache, 'customers', path, { region: 'CN' });
    expect(first).toEqual({ imported: 2, updated: 0, rejected: [] });
    expect(cache.customers.findByPhone('+8613812345678')).toMatchObject({
      externalId: 'C-1',
      notes: 'likes callbacks, after 6pm',
      tags: ['vip', 'complaint'],
      phones: ['+861065529988', '+8613812345678'],
    });
    const again = importFile(cache, 'customers', path, { region: 'CN' });
    expect(again).toEqual({ imported: 0, updated: 2, rejected: [] });
    expect((cache.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(2);
  });

  it('reports each bad row with file, line and reason and keeps every good row', () => {
    const path = file(
      'customers.jsonl',
      [
        '{"id":"C-1","name":"Emily Carter","phones":["+1 415 555 0142"],"language":"en"}',
        '{"id":"C-2","name":"","phones":[]}',
        'this is not json',
        '',
        '{"id":"C-3","name":"สมชาย","phones":["081 234 5678"],"language":"th-TH"}',
        '{"id":"C-4","name":"Phone typo","phones":["12"]}',
        '["an","array"]',
        '{"id":"C-5","name":"สมหญิง","phones":["+66 81 234 5679"],"language":"th"}',
      ].join('\n'),
    );
    const result = importFile(cache, 'customers', path, { region: 'TH' });
    expect(result.imported).toBe(2);
    expect(result.rejected.map((r) => [r.file, r.line])).toEqual([
      ['customers.jsonl', 2],
      ['customers.jsonl', 3],
      ['customers.jsonl', 5],
      ['customers.jsonl', 6],
      ['customers.jsonl', 7],
    ]);
    expect(result.rejected[0]!.reason).toContain('name is required');
    expect(result.rejected[1]!.reason).toContain('not valid JSON');
    expect(result.rejected[2]!.reason).toContain('language');
    expect(result.rejected[3]!.reason).toContain('phone "12" is not a valid number');
    expect(cache.customers.findByExternalId('C-5')).not.toBeNull();
    expect(cache.customers.findByExternalId('C-4')).toBeNull();
  });

  it('reports a malformed CSV row at its own line and imports every row after it', () => {
    const path = file('kb.csv', 'id,locale,title,body\nkb-1,en,Refunds,Money back in 5 days\nkb-2,en,"Broken,quote\nkb-3,th,คืนเงิน,ได้รับเงินคืนภายใน 7 วัน\n');
    const result = importFile(cache, 'kb', path, { region: 'CN' });
    expect(result).toEqual({ imported: 2, updated: 0, rejected: [{ file: 'kb.csv', line: 3, reason: expect.stringMatching(/malformed CSV row/) }] });
    expect(cache.kbSearch.search('refunds', { locale: 'en' })[0]?.id).toBe('kb-1');
    expect(cache.db.prepare('SELECT external_id FROM kb_articles ORDER BY external_id').pluck().all()).toEqual(['kb-1', 'kb-3']);
  });

  it('a customers CSV whose second row has an unclosed quote: that row rejected at its line, the other four imported', () => {
    const path = file(
      'customers.csv',
      'id,name,tier,language,phones,notes,tags\n' +
        'C-1,王小明,vip,zh-CN,13812345678,,\n' +
        'C-2,"Broken quote,gold,zh-CN,13812345679,,\n' +
        'C-3,陳美玲,gold,zh-TW,13812345680,"called twice, angry",\n' +
        '\n' +
        'C-4,สมชาย,standard,th,13812345681,"line one\nline two",\n' +
        'C-5,Emily Carter,standard,en,13812345682,,\n',
    );
    const result = importFile(cache, 'customers', path, { region: 'CN' });
    expect(result).toEqual({ imported: 4, updated: 0, rejected: [{ file: 'customers.csv', line: 3, reason: expect.stringMatching(/malformed CSV row/) }] });
    expect(result.imported + result.updated + result.rejected.length).toBe(5);
    expect(['C-1', 'C-2', 'C-3', 'C-4', 'C-5'].map((id) => cache.customers.findByExternalId(id)?.name ?? null)).toEqual([
      '王小明',
      null,
      '陳美玲',
      'สมชาย',
      'Emily Carter',
    ]);
    expect(cache.customers.findByExternalId('C-4')?.notes).toBe('line one\nline two');
  });

  it('a row with the wrong number of fields is rejected at its line, and a later row with an error too', () => {
    const path = file('customers.csv', 'id,name,phones\nC-1,A,13812345678\nC-2,B\nC-3,C,13812345680\nC-4,"D"x,13812345681\nC-5,E,13812345682\n');
    const result = importFile(cache, 'customers', path, { region: 'CN' });
    expect(result.imported).toBe(3);
    expect(result.rejected.map((r) => r.line)).toEqual([3, 5]);
  });

  it('imports contacts linked to customers and rejects unknown customers', () => {
    importFile(cache, 'customers', file('c.jsonl', '{"id":"C-1","name":"王小明","phones":["13812345678"]}\n'), { region: 'CN' });
    const result = importFile(
      cache,
      'contacts',
      file(
        'contacts.jsonl',
        [
          '{"id":"K-1","customer_id":"C-1","time":"2026-11-20T09:30:00+08:00","direction":"inbound","number":"13812345678","queue":"billing","duration_s":300,"hold_s":45,"disposition":"resolved","agent":"1001"}',
          '{"id":"K-2","customer_id":"C-9","time":"2026-11-21T09:30:00+08:00","direction":"inbound","number":"13812345678"}',
          '{"id":"K-3","customer_id":"C-1","time":"yesterday","direction":"inbound"}',
        ].join('\n'),
      ),
      { region: 'CN' },
    );
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(result.rejected[0]!.reason).toContain('not a known customer');
    expect(result.rejected[1]!.reason).toContain('ISO 8601');
    const customer = cache.customers.findByExternalId('C-1')!;
    expect(cache.contacts.recentForCustomer(customer.id)).toEqual([
      { startedAt: Date.parse('2026-11-20T09:30:00+08:00'), direction: 'inbound', queue: 'billing', durationS: 300, disposition: 'resolved', agent: '1001' },
    ]);
  });

  it('reports progress as it goes', () => {
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ id: `kb-${i}`, locale: 'en', title: `Article ${i}`, body: 'text' }));
    const progress: ImportProgress[] = [];
    importFile(cache, 'kb', file('kb.jsonl', lines.join('\n')), { region: 'CN', onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.processed)).toEqual([500, 1000, 1200]);
    expect(progress.at(-1)!.total).toBe(1200);
  });

  it('imports reply templates, rejecting a malformed placeholder with its line', () => {
    const ok = { id: 'late-parcel', scenario: 'late-delivery', locale: 'en', title: 'Late parcel', shortcut: '/late', body: 'Hi {{customer.name}}, I have chased order {{order.id}}.' };
    const path = file('templates.jsonl', [JSON.stringify(ok), JSON.stringify({ ...ok, locale: 'th', body: 'สวัสดีค่ะ {{customer.name}' })].join('\n'));
    const result = importFile(cache, 'templates', path, { region: 'CN' });
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([{ file: 'templates.jsonl', line: 2, reason: expect.stringContaining('malformed placeholder') }]);
    expect(cache.templates.list('en')).toEqual([expect.objectContaining({ id: 'late-parcel', body: ok.body })]);
    expect(importFile(cache, 'templates', path, { region: 'CN' })).toMatchObject({ imported: 0, updated: 1 });
  });

  it('rejects an unknown file type with a clear message', () => {
    expect(() => importFile(cache, 'kb', file('kb.xlsx', ''), { region: 'CN' })).toThrow(/use .jsonl \(JSON Lines\) or .csv/);
  });
});
