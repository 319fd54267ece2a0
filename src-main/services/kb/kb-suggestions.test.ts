import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';
import { KbSuggestions } from './kb-suggestions';

describe('KbSuggestions on a real SQLite file', () => {
  const c = new Cache(join(mkdtempSync(join(tmpdir(), 'kb-suggest-')), 'cache.sqlite'));
  c.kb.upsert({ externalId: 'complaint-cn', locale: 'zh-CN', title: '投诉处理流程', body: '先道歉，再建立投诉工单。', tags: ['投诉'], category: 'complaints' });
  c.kb.upsert({ externalId: 'refund-cn', locale: 'zh-CN', title: '退款进度', body: '三到五个工作日。', tags: [], category: 'refunds' });
  c.kb.upsert({ externalId: 'complaint-en', locale: 'en', title: 'Handling a complaint', body: 'Apologise, then file a complaint work order.', tags: [], category: 'complaints' });
  c.kb.upsert({ externalId: 'orders-en', locale: 'en', title: 'Where is my order', body: 'Track the parcel.', tags: ['orders'], category: 'delivery' });
  const suggestions = new KbSuggestions(c.kbSearch, c.kb);

  it('searches with the queue and IVR words in the call language', () => {
    const ids = suggestions.suggest({ queue: 'complaints', ivrPath: 'main>orders>complaint' }, 'en').map((h) => h.id);
    expect(ids).toContain('complaint-en');
    expect(ids).toContain('orders-en');
  });

  it('finds Chinese articles through the category an English queue name names', () => {
    const hits = suggestions.suggest({ queue: 'complaints', ivrPath: 'main>orders>complaint' }, 'zh-CN');
    expect(hits.map((h) => h.id)).toEqual(['complaint-cn']);
    expect(hits[0]!.snippet.text).toContain('先道歉');
  });

  it('suggests nothing without routing data', () => {
    expect(suggestions.suggest({ queue: null, ivrPath: 'main' }, 'en')).toEqual([]);
  });
});
