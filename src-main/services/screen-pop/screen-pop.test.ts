import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { CustomersRepo } from '../customers/customers-repo';
import { ScreenPopService } from './screen-pop';

describe('ScreenPopService on a real SQLite file', () => {
  let db: Db;
  let pop: ScreenPopService;
  beforeEach(() => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'pop-')), 'cache.sqlite'));
    const repo = new CustomersRepo(db);
    repo.upsert({ externalId: 'C-1', name: '王小明', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', phones: ['+8613812345678'] });
    repo.upsert({ externalId: 'C-2', name: 'สมชาย ใจดี', tier: 'standard', preferredLanguage: 'th', notes: '', phones: ['+66812345678'] });
    pop = new ScreenPopService(repo, 'CN');
  });

  it.each(['+86 138 1234 5678', '013812345678', '13812345678', 'sip:+8613812345678@pbx;user=phone', 'tel:+86-138-1234-5678'])(
    'finds the customer from %s',
    (raw) => {
      expect(pop.lookup(raw, null)).toMatchObject({ kind: 'known', customer: { externalId: 'C-1', name: '王小明', tier: 'vip' } });
    },
  );

  it('prefers the customer the IVR identified', () => {
    expect(pop.lookup('+86 138 1234 5678', 'C-2')).toMatchObject({ kind: 'known', customer: { externalId: 'C-2' } });
  });

  it('returns an unknown-caller pop, not an error, for a number it does not know', () => {
    expect(pop.lookup('+86 139 0000 0000', null)).toEqual({ kind: 'unknown', number: '+8613900000000' });
    expect(pop.lookup('anonymous', 'no-such-id')).toEqual({ kind: 'unknown', number: null });
  });

  it('looks numbers up through the index, not a table scan', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT c.id FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ?")
      .all('+8613812345678') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX customer_phones_by_number/);
  });
});
