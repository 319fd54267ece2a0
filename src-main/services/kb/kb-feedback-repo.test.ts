import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';

function cache(): Cache {
  return new Cache(join(mkdtempSync(join(tmpdir(), 'kb-feedback-')), 'cache.sqlite'), () => 1_700_000_000_000);
}

describe('KbFeedbackRepo on a real SQLite file', () => {
  it('stores an "article helped" mark linked to the call\'s contact row', () => {
    const c = cache();
    c.kb.upsert({ externalId: 'kb-1', locale: 'en', title: 'Refunds', body: 'Five days.', tags: [], category: 'refunds' });
    c.contacts.upsert({
      externalId: 'call:abc', customerId: null, startedAt: 1, direction: 'inbound', number: '+100', queue: null, ivrPath: null,
      durationS: 0, holdS: 0, disposition: null, agent: null, transferTarget: null, workOrderId: null,
    });
    expect(c.kbFeedback.mark('kb-1', 'abc', true)).toBe(true);
    expect(c.kbFeedback.mark('kb-1', null, false)).toBe(true);
    const rows = c.db.prepare('SELECT contact_id IS NOT NULL AS linked, helped, at FROM kb_feedback ORDER BY id').all();
    expect(rows).toEqual([
      { linked: 1, helped: 1, at: 1_700_000_000_000 },
      { linked: 0, helped: 0, at: 1_700_000_000_000 },
    ]);
    expect(c.kbFeedback.tally('kb-1')).toEqual({ helped: 1, notHelped: 1 });
    c.close();
  });

  it('refuses an article that is not in the cache and stores nothing', () => {
    const c = cache();
    expect(c.kbFeedback.mark('missing', null, true)).toBe(false);
    expect(c.db.prepare('SELECT count(*) AS n FROM kb_feedback').get()).toEqual({ n: 0 });
    c.close();
  });
});

describe('KbFeedbackRepo with a team server', () => {
  it('puts each mark into the outbox in the same transaction, naming the call it helped on', () => {
    const c = new Cache(join(mkdtempSync(join(tmpdir(), 'kb-feedback-')), 'cache.sqlite'), () => 1_700_000_000_000, { teamSync: true });
    c.kb.upsert({ externalId: 'kb-1', locale: 'en', title: 'Refunds', body: 'Five days.', tags: [], category: 'refunds' });
    c.db.prepare("INSERT INTO contacts (external_id, started_at, direction, number, duration_s, hold_s, uuid) VALUES ('call:abc', 1, 'inbound', '+100', 0, 0, '0b0c8c1e-7d3f-4c55-9a55-3f1de1a2b0c1')").run();
    expect(c.kbFeedback.mark('kb-1', 'abc', true)).toBe(true);
    expect(c.kbFeedback.mark('missing', null, true)).toBe(false);
    const [entry, ...rest] = c.outbox.pending(10);
    expect(rest).toEqual([]);
    expect(entry!.mutation).toEqual({
      kind: 'kb.helped', id: expect.any(String), articleId: 'kb-1', contactId: '0b0c8c1e-7d3f-4c55-9a55-3f1de1a2b0c1', helped: true, at: 1_700_000_000_000,
    });
    c.close();
  });
});
