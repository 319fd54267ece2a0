import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../src-shared/contract';
import { DEFAULT_SLA_HOURS } from '../../src-shared/workorders/complaint';
import { Cache } from '../services/db/cache';
import { KbSuggestions } from '../services/kb/kb-suggestions';
import { ScreenPopService } from '../services/screen-pop/screen-pop';
import { WorkOrderFiling } from '../services/workorders/work-order-filing';
import { workspaceHandlers } from './workspace-handlers';

const NOW = Date.UTC(2026, 10, 23, 10, 0);

describe('workspace handlers on a real SQLite file: quick create and work-order status', () => {
  let cache: Cache;
  let handlers: ReturnType<typeof workspaceHandlers>;
  beforeEach(() => {
    cache = new Cache(join(mkdtempSync(join(tmpdir(), 'handlers-')), 'cache.sqlite'), () => NOW);
    handlers = workspaceHandlers({
      cache,
      kbSuggestions: new KbSuggestions(cache.kbSearch, cache.kb),
      workOrderFiling: new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => NOW),
      agentId: () => '1001',
      slaHours: () => DEFAULT_SLA_HOURS,
      screenPop: new ScreenPopService(cache, 'TH'),
      myQueues: () => [],
      syncStatus: () => ({ state: 'alone', waiting: 0, lastSyncedAt: null, decisions: 0, message: null, user: null }),
    });
  });
  afterEach(() => cache.close());

  it('creates a new caller from the pop; the next lookup of that number knows them', async () => {
    const pop = await handlers.createCustomer({ name: 'คุณมานี <b>ใหม่</b>', number: '081 234 5678', preferredLanguage: 'th', notes: '' });
    expect(pop).toMatchObject({ kind: 'known', number: '+66812345678', customer: { name: 'คุณมานี <b>ใหม่</b>', preferredLanguage: 'th', tier: 'standard' } });
    if (pop.kind !== 'known') throw new Error('expected a known pop');
    expect(pop.customer.externalId).toMatch(/^NEW-20261123-[0-9A-F]{8}$/);
    expect(cache.customers.findByPhone('+66812345678')?.id).toBe(pop.customer.id);
  });

  it('never gives a number on file to a second customer', async () => {
    const first = await handlers.createCustomer({ name: 'Malee', number: '+66 81 234 5678', preferredLanguage: null, notes: '' });
    const second = await handlers.createCustomer({ name: 'Someone else', number: '0812345678', preferredLanguage: 'en', notes: '' });
    expect(second.kind === 'known' && second.customer.name).toBe('Malee');
    expect(first.kind === 'known' && first.customer.id).toBe(second.kind === 'known' && second.customer.id);
    expect(cache.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });
  });

  it('refuses a number that is not a phone number, with a message key for the form', async () => {
    const attempt = Promise.resolve().then(() => handlers.createCustomer({ name: 'X', number: '12345', preferredLanguage: null, notes: '' }));
    await expect(attempt).rejects.toBeInstanceOf(ContractError);
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_REQUEST', issues: [{ path: 'number', message: 'customer.error.number' }] });
    expect(cache.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
  });

  it('moves a work order along; back to open is a reopen and shows on the customer\'s next pop', async () => {
    const customerId = cache.customers.upsert({ externalId: 'C-9', name: 'Wang', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', tags: [], phones: ['+66812345679'] }).id;
    cache.workOrders.create({ externalId: 'WO-1', customerId, kind: 'complaint', complaintType: 'long-wait', severity: 'ordinary', summary: 'Waited', createdAt: NOW, dueAt: null, actor: '1001' });
    expect(await handlers.setWorkOrderStatus({ id: 'WO-1', status: 'in_progress' })).toEqual({ id: 'WO-1', status: 'in_progress' });
    expect(() => handlers.setWorkOrderStatus({ id: 'WO-1', status: 'open' })).toThrow(/in_progress; it cannot go to open/);
    await handlers.setWorkOrderStatus({ id: 'WO-1', status: 'resolved' });
    await handlers.setWorkOrderStatus({ id: 'WO-1', status: 'open' });
    const events = cache.db.prepare("SELECT kind, actor FROM work_order_events WHERE work_order_id = (SELECT id FROM work_orders WHERE external_id = 'WO-1') ORDER BY id").all();
    expect(events).toEqual([
      { kind: 'created', actor: '1001' },
      { kind: 'status', actor: '1001' },
      { kind: 'status', actor: '1001' },
      { kind: 'reopened', actor: '1001' },
    ]);
    expect(new ScreenPopService(cache, 'TH').lookup('+66812345679', null)).toMatchObject({ serviceRecovery: { workOrderId: 'WO-1', reason: 'reopened' } });
    expect(() => handlers.setWorkOrderStatus({ id: 'WO-404', status: 'resolved' })).toThrow(/not in the records/);
  });
});
