import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';
import { ScreenPopService } from './screen-pop';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('ScreenPopService on a real SQLite file', () => {
  let cache: Cache;
  let pop: ScreenPopService;
  let wang: number;
  beforeEach(() => {
    cache = new Cache(join(mkdtempSync(join(tmpdir(), 'pop-')), 'cache.sqlite'), () => NOW);
    wang = cache.customers.upsert({ externalId: 'C-1', name: '王小明', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', tags: [], phones: ['+8613812345678'] }).id;
    cache.customers.upsert({ externalId: 'C-2', name: 'สมชาย ใจดี', tier: 'standard', preferredLanguage: 'th', notes: '', tags: [], phones: ['+66812345678'] });
    pop = new ScreenPopService(cache, 'CN');
  });

  const contact = (customerId: number | null, daysAgo: number, number = '+8613812345678') => ({
    externalId: null, customerId, startedAt: NOW - daysAgo * DAY, direction: 'inbound' as const, number, queue: 'billing',
    ivrPath: null, durationS: 120, holdS: 10, disposition: 'resolved', agent: '1001', transferTarget: null, workOrderId: null,
  });
  const complaint = (externalId: string, daysAgo: number) =>
    cache.workOrders.create({ externalId, customerId: wang, kind: 'complaint', complaintType: 'problem-not-resolved', severity: 'ordinary', summary: 'Late delivery', createdAt: NOW - daysAgo * DAY, dueAt: null, actor: '1001' });

  it.each(['+86 138 1234 5678', '013812345678', '13812345678', 'sip:+8613812345678@pbx;user=phone', 'tel:+86-138-1234-5678'])(
    'finds the customer from %s',
    (raw) => {
      expect(pop.lookup(raw, null)).toMatchObject({ kind: 'known', customer: { externalId: 'C-1', name: '王小明', tier: 'vip' } });
    },
  );

  it("gives the language on file for an outbound call's customer: the one named, else the number's; none for a stranger", () => {
    expect(pop.languageOf('+66 81 234 5678', null)).toBe('th');
    expect(pop.languageOf('+66 81 234 5678', 'C-1')).toBe('zh-CN');
    expect(pop.languageOf('+1 212 555 0100', null)).toBeNull();
    cache.customers.upsert({ externalId: 'C-3', name: 'No language', tier: 'standard', preferredLanguage: null, notes: '', tags: [], phones: ['+12125550101'] });
    expect(pop.languageOf('+1 212 555 0101', null)).toBeNull();
  });

  it('prefers the customer the IVR identified, and warns when the number is on file for someone else', () => {
    expect(pop.lookup('+86 138 1234 5678', 'C-2')).toMatchObject({
      kind: 'known',
      customer: { externalId: 'C-2' },
      identityConflict: { numberOwner: { externalId: 'C-1', name: '王小明' } },
    });
    expect(pop.lookup('+86 138 1234 5678', 'C-1')).toMatchObject({ customer: { externalId: 'C-1' }, identityConflict: null });
    expect(pop.lookup('+86 139 0000 0000', 'C-2')).toMatchObject({ customer: { externalId: 'C-2' }, identityConflict: null });
  });

  it('returns an unknown-caller pop, not an error, for a number it does not know', () => {
    expect(pop.lookup('+86 139 0000 0000', null)).toEqual({ kind: 'unknown', number: '+8613900000000', recentContacts: [] });
    expect(pop.lookup('anonymous', 'no-such-id')).toEqual({ kind: 'unknown', number: null, recentContacts: [] });
  });

  it('shows the last five contacts, newest first, and open work orders only', () => {
    for (const days of [30, 1, 20, 3, 10, 2, 40]) cache.contacts.upsert(contact(wang, days));
    const open = complaint('WO-1', 5);
    const closed = complaint('WO-2', 6);
    cache.workOrders.setStatus(closed, 'closed', '1001');
    const result = pop.lookup('13812345678', null);
    if (result.kind !== 'known') throw new Error('expected a known caller');
    expect(result.recentContacts.map((c) => (NOW - c.startedAt) / DAY)).toEqual([1, 2, 3, 10, 20]);
    expect(result.openWorkOrders.map((w) => w.id)).toEqual(['WO-1']);
    expect(open).toBeGreaterThan(0);
    expect(result.serviceRecovery).toBeNull();
  });

  it('warns when a complaint of the last 90 days was reopened', () => {
    const id = complaint('WO-3', 30);
    cache.workOrders.reopen(id, '1002', 'parcel still missing');
    expect(pop.lookup('13812345678', null)).toMatchObject({ serviceRecovery: { workOrderId: 'WO-3', reason: 'reopened' } });
  });

  it('warns when a recent complaint was rated low, not when it was rated well or is older than 90 days', () => {
    cache.workOrders.rate(complaint('WO-4', 10), 5, '1001');
    cache.workOrders.rate(complaint('WO-5', 120), 1, '1001');
    expect(pop.lookup('13812345678', null)).toMatchObject({ serviceRecovery: null });
    cache.workOrders.rate(complaint('WO-6', 15), 2, '1001');
    expect(pop.lookup('13812345678', null)).toMatchObject({ serviceRecovery: { workOrderId: 'WO-6', reason: 'low-rating', csat: 2 } });
  });

  it('keeps the work-order history append-only', () => {
    const id = complaint('WO-7', 1);
    expect(() => cache.workOrdersDb.prepare('UPDATE work_order_events SET kind = ? WHERE work_order_id = ?').run('x', id)).toThrow(/append-only/);
    expect(() => cache.workOrdersDb.prepare('DELETE FROM work_order_events WHERE work_order_id = ?').run(id)).toThrow(/append-only/);
  });

  it.each([
    ['customer_phones', 'SELECT c.id FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ?', ['+8613812345678'], 'customer_phones_by_number'],
    ['contacts', 'SELECT started_at FROM contacts WHERE customer_id = ? ORDER BY started_at DESC LIMIT 5', [1], 'contacts_by_customer'],
    ['work_orders', "SELECT id FROM work_orders WHERE customer_id = ? AND status IN ('open', 'in_progress')", [1], 'work_orders_by_customer'],
  ])('looks up %s through its index, not a table scan', (_name, sql, params, index) => {
    const plan = (cache.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN (customers|contacts|work_orders|customer_phones)(?! USING)/);
  });
});
