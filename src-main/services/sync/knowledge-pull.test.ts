import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../app/logger';
import { Cache } from '../db/cache';
import type { KnowledgeChange, KnowledgePullResponse } from '../../../src-shared/sync/knowledge-contract';
import { KnowledgePull } from './knowledge-pull';

/** The team server's knowledge feed, in memory: the only fake here (this test is about the desktop's side). */
function feed() {
  const changes: KnowledgeChange[] = [];
  return {
    changes,
    publish: (c: Omit<KnowledgeChange, 'seq'>) => void changes.push({ ...c, seq: changes.length + 1 }),
    client: {
      pullKnowledge: async (after: number, limit: number): Promise<KnowledgePullResponse> => {
        // The server keeps one row per record: only its latest change is pulled.
        const latest = changes.filter((c) => c.seq > after && !changes.some((d) => d.seq > c.seq && d.kind === c.kind && d.id === c.id && d.locale === c.locale));
        const page = latest.slice(0, limit);
        return { changes: page, cursor: page.at(-1)?.seq ?? after, more: page.length === limit };
      },
    },
  };
}

const article = (id: string, title: string, body: string) => ({ kind: 'article' as const, id, locale: 'en' as const, retired: false, data: { id, locale: 'en', title, body, tags: [], category: 'billing' } });

function desktop() {
  const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'knowledge-pull-')), 'cache.sqlite'));
  const server = feed();
  const pull = new KnowledgePull(cache.db, cache.kb, cache.templates, server.client, silentLogger);
  const find = (q: string) => cache.kbSearch.search(q, { locale: 'en' }).map((h) => h.id);
  return { cache, server, pull, find };
}

describe('KnowledgePull into a real SQLite cache', () => {
  it('published articles are searchable offline; a changed one by its new words only; a retired one not at all', async () => {
    const { cache, server, pull, find } = desktop();
    server.publish(article('KB-1', 'Double charge refund', 'Refund the duplicate payment within three days.'));
    server.publish(article('KB-2', 'Roaming', 'Switch roaming on in the app.'));
    const applied: string[][] = [];
    pull.on('applied', (a) => applied.push(a.articles));
    await pull.pullAll();
    expect(find('duplicate')).toEqual(['KB-1']);
    expect(pull.cursor).toBe(2);

    server.publish(article('KB-1', 'Double charge refund', 'Reverse the chargeback through the merchant portal.'));
    await pull.pullAll();
    expect(find('chargeback')).toEqual(['KB-1']);
    expect(find('duplicate')).toEqual([]);

    server.publish({ kind: 'article', id: 'KB-2', locale: 'en', retired: true, data: null });
    await pull.pullAll();
    expect(find('roaming')).toEqual([]);
    expect(cache.kb.article('KB-2')).toBeNull();
    expect(applied).toEqual([['KB-1', 'KB-2'], ['KB-1'], ['KB-2']]);
    cache.close();
  });

  it('templates arrive and leave; a record the desktop cannot read is passed over and the cursor moves on', async () => {
    const { cache, server, pull } = desktop();
    const template = { id: 'refund-late', scenario: 'refund-status', locale: 'en', title: 'Refund on its way', shortcut: '/refund', body: 'Your refund is on its way.', tags: [] };
    server.publish({ kind: 'template', id: 'refund-late', locale: 'en', retired: false, data: template });
    server.publish({ kind: 'article', id: 'KB-9', locale: 'en', retired: false, data: { id: 'KB-9', locale: 'en', title: '' } });
    server.publish({ kind: 'disposition', id: 'refund-issued', locale: '', retired: false, data: { code: 'refund-issued' } });
    await pull.pullAll();
    expect(cache.templates.list('en').map((t) => t.title)).toEqual(['Refund on its way']);
    expect(cache.kb.article('KB-9')).toBeNull();
    expect(pull.cursor).toBe(3);
    server.publish({ kind: 'template', id: 'refund-late', locale: 'en', retired: true, data: null });
    await pull.pullAll();
    expect(cache.templates.list('en')).toEqual([]);
    cache.close();
  });

  it('pages through a long feed', async () => {
    const { cache, server, pull, find } = desktop();
    for (let i = 0; i < 250; i++) server.publish(article(`KB-${i}`, `Article ${i}`, `word${i} appears here`));
    await pull.pullAll();
    expect(find('word249')).toEqual(['KB-249']);
    expect(pull.cursor).toBe(250);
    cache.close();
  });

  it('never holds the main thread long while it segments and writes a large pull (the phone runs beside it)', async () => {
    const { cache, server, pull, find } = desktop();
    const text = (i: number) => `Refund case ${i}: the customer was charged twice for the same order. `.repeat(40);
    for (let i = 0; i < 300; i++) server.publish(article(`KB-${i}`, `Double charge case ${i}`, text(i)));
    let longest = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    await pull.pullAll();
    clearInterval(tick);
    expect(find('case 299')).toContain('KB-299');
    // Segmenting a page of 100 such articles at once held the thread 1.2 s; spread out, each stall is a slice
    // (the bound leaves room for a machine shared with other work).
    expect(longest).toBeLessThan(400);
    cache.close();
  });

  it('a live message asks for a pull only when it names something past the cursor, or everything', async () => {
    const { cache, server, pull } = desktop();
    server.publish(article('KB-1', 'A', 'b'));
    await pull.pullAll();
    expect(pull.wants({ type: 'knowledge', seq: 1 })).toBe(false);
    expect(pull.wants({ type: 'knowledge', seq: 2 })).toBe(true);
    expect(pull.wants({ type: 'changed', seq: -1 })).toBe(true);
    expect(pull.wants({ type: 'changed', seq: 7 })).toBe(false);
    cache.close();
  });
});
