import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkOrderDraft } from '../../../src-shared/workorders/work-order-form';
import { Cache } from '../db/cache';

let cache: Cache | undefined;
afterEach(() => cache?.close());

describe('a saved work-order draft', () => {
  it("keeps only the last 4 characters of the customer's ID number, on disk and when loaded", () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    cache = new Cache(join(dir, 'cache.sqlite'));
    const id = '110101199003074258';
    cache.workOrderDrafts.save('1001', WorkOrderDraft.parse({ whatHappened: 'Refund not paid', idNumber: id }));
    expect(cache.workOrderDrafts.load('1001')!.draft).toMatchObject({ whatHappened: 'Refund not paid', idNumber: '4258' });
    // Not in any of the cache's files (database, WAL), where an abandoned draft may lie for days.
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(id), file).toBe(false);
  });

  it('keeps nothing of a card number, on disk or when loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    cache = new Cache(join(dir, 'cache.sqlite'));
    cache.workOrderDrafts.save('1001', WorkOrderDraft.parse({ whatHappened: 'Charged twice', cardNumber: '5500 0000 0000 0004' }));
    // Nothing of the card: four digits restored into the field would fail its check (she reads the card again).
    expect(cache.workOrderDrafts.load('1001')!.draft).toMatchObject({ whatHappened: 'Charged twice', cardNumber: '' });
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes('5500 0000 0000 0004') || bytes.includes('5500000000000004'), file).toBe(false);
    }
  });
});
