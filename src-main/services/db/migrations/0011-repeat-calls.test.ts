import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../sample-data/synthetic';
import { refreshBefore } from './0011-repeat-calls';
import { migrations } from './index';

/**
 * Each inbound call's `next_inbound_at` against a plain-JavaScript reading of the rule over the rows themselves:
 * a call with a customer row is repeated by that customer's next inbound call, one without by the next inbound
 * call from its number (whoever it is linked to), a withheld number with no customer by nothing.
 */
interface Row { id: number; customer_id: number | null; number: string; started_at: number; direction: string; next_inbound_at: number | null }

function expectedNext(rows: Row[], c: Row): number | null {
  if (c.direction !== 'inbound') return null;
  const same = (n: Row) => (c.customer_id !== null ? n.customer_id === c.customer_id : c.number !== '' && n.number === c.number);
  const later = rows.filter((n) => n.direction === 'inbound' && same(n) && n.started_at > c.started_at).map((n) => n.started_at);
  return later.length ? Math.min(...later) : null;
}

function checkAll(db: Database.Database): void {
  const rows = db.prepare<[], Row>('SELECT id, customer_id, number, started_at, direction, next_inbound_at FROM contacts').all();
  const wrong = rows.filter((c) => c.next_inbound_at !== expectedNext(rows, c)).map((c) => ({ ...c, expected: expectedNext(rows, c) }));
  expect(wrong).toEqual([]);
}

function cacheAt(name: string): { db: Database.Database; rest: typeof migrations } {
  const db = new Database(':memory:');
  const at = migrations.findIndex((m) => m.name === name);
  for (const m of migrations.slice(0, at)) m.up(db);
  for (let id = 1; id <= 4; id++) db.prepare("INSERT INTO customers (id, external_id, name, updated_at) VALUES (?, ?, 'C', 0)").run(id, `c${id}`);
  return { db, rest: migrations.slice(at) };
}

const insert = (db: Database.Database, c: { customer: number | null; number: string; at: number; dir?: string }) =>
  db.prepare("INSERT INTO contacts (customer_id, number, started_at, direction) VALUES (?, ?, ?, ?)").run(c.customer, c.number, c.at, c.dir ?? 'inbound');

describe('migration 0010: each inbound call knows its caller\'s next inbound call', () => {
  it('fills the column for the calls a cache held before it (ties, outbound calls and withheld numbers included)', () => {
    const { db, rest } = cacheAt('0011-repeat-calls');
    const calls = [
      { customer: 1, number: '+100', at: 5_000 },
      { customer: 1, number: '+100', at: 1_000 },
      { customer: 1, number: '+100', at: 3_000, dir: 'outbound' }, // her callback: no repeat
      { customer: null, number: '+200', at: 1_000 },
      { customer: 2, number: '+200', at: 2_000 }, // an unlinked call is repeated by the number's next call, linked or not
      { customer: null, number: '+200', at: 2_000 }, // the same instant: not a repeat of its twin
      { customer: null, number: '+200', at: 9_000 },
      { customer: null, number: '', at: 4_000 },
      { customer: null, number: '', at: 6_000 }, // withheld: nobody to match
    ];
    for (const c of calls) insert(db, c);
    for (const m of rest) m.up(db);
    const next = db.prepare<[], { started_at: number; number: string; next_inbound_at: number | null }>(
      'SELECT started_at, number, next_inbound_at FROM contacts ORDER BY id').all();
    expect(next.map((r) => r.next_inbound_at)).toEqual([null, 5_000, null, 2_000, null, 9_000, null, null, null]);
    checkAll(db);
    db.close();
  });

  it('triggers keep it right whatever order calls arrive in, and when a call is linked, moved, turned or removed', () => {
    const { db, rest } = cacheAt('0011-repeat-calls');
    for (const m of rest) m.up(db);
    const r = seededRandom(10);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const numbers = ['+100', '+200', '+300', ''];
    const customers = [null, null, 1, 2, 3];
    const at = () => Math.floor(r() * 40) * 1_000; // few distinct times: ties happen
    for (let step = 0; step < 400; step++) {
      const ids = db.prepare<[], { id: number }>('SELECT id FROM contacts').all().map((x) => x.id);
      const move = ids.length < 10 ? 0 : Math.floor(r() * 6);
      const id = ids.length ? pick(ids) : 0;
      if (move <= 1) insert(db, { customer: pick(customers), number: pick(numbers), at: at(), dir: r() < 0.15 ? 'outbound' : 'inbound' });
      else if (move === 2) db.prepare('UPDATE contacts SET customer_id = ? WHERE id = ?').run(pick(customers), id); // linked later (or unlinked)
      else if (move === 3) db.prepare('UPDATE contacts SET started_at = ?, number = ? WHERE id = ?').run(at(), pick(numbers), id);
      else if (move === 4) db.prepare("UPDATE contacts SET direction = CASE direction WHEN 'inbound' THEN 'outbound' ELSE 'inbound' END WHERE id = ?").run(id);
      else db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
      if (step % 20 === 19) checkAll(db);
    }
    checkAll(db);
    // A customer row removed unlinks its calls (ON DELETE SET NULL): they fall back to their numbers.
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM customers WHERE id = 1').run();
    checkAll(db);
    db.close();
  });
});

describe('migration 0010: the triggers seek, never scan', () => {
  it('each statement a trigger runs for a call finds the calls before it by the customer and number indexes', () => {
    const { db, rest } = cacheAt('0011-repeat-calls');
    for (const m of rest) m.up(db);
    // The trigger's statements with the row's columns as parameters, as SQLite plans them for each call.
    const statements = refreshBefore('NEW').split(';').map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/NEW\.(\w+)/g, '@$1'));
    const row = { customer_id: 1, number: '+100', started_at: 5, direction: 'inbound' };
    for (const sql of statements) {
      const plan = db.prepare<typeof row, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(row).map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
      expect(plan.some((d) => /contacts_by_(customer|number)/.test(d))).toBe(true);
    }
    db.close();
  });
});
