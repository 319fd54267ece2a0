import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContactsRepo } from '../contacts/contacts-repo';
import { Cache } from '../db/cache';
import { DEFAULT_SLA_HOURS } from '../../../src-shared/workorders/complaint';
import { WorkOrderDraft, type WorkOrderSubmission } from '../../../src-shared/workorders/work-order-form';
import { WorkOrderFiling } from './work-order-filing';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const HOUR = 3600_000;

function setup() {
  const path = join(mkdtempSync(join(tmpdir(), 'filing-')), 'cache.sqlite');
  const cache = new Cache(path, () => NOW);
  const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => NOW);
  return { cache, filing, path };
}

const form: WorkOrderSubmission = {
  complaintType: 'long-wait',
  whyTags: ['understaffed-shift'],
  whatHappened: 'Waited 40 minutes in the queue, then was cut off.',
  severity: 'difficult',
  fairResolution: 'A call back today',
  extraOffered: 'Free shipping on the next order',
  callback: { number: '+8613812345678', from: NOW + 4 * HOUR, to: NOW + 6 * HOUR },
  followUpAt: NOW + 72 * HOUR,
  customerId: null,
  callId: 'call-1',
};

describe('WorkOrderFiling on a real SQLite file', () => {
  it('files only the last four characters of the ID number read out on the call', () => {
    const { cache, filing } = setup();
    const filed = filing.file('1001', { ...form, idNumber: '110101199003071234' });
    const row = cache.db.prepare('SELECT data FROM work_orders WHERE external_id = ?').get(filed.id) as { data: string };
    expect(row.data).not.toContain('11010119900307');
    expect(JSON.parse(row.data)).toMatchObject({ idNumberEnding: '1234' });
  });

  it("files only the last four digits of a card number, in the work order and in what goes to the team; nowhere the whole", () => {
    const { cache, path } = setup();
    cache.sync.enabled = true;
    const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => NOW, cache.outbox);
    const filed = filing.file('1001', { ...form, cardNumber: '4111 1111 1111 1111' });
    const row = cache.db.prepare('SELECT data FROM work_orders WHERE external_id = ?').get(filed.id) as { data: string };
    expect(JSON.parse(row.data)).toMatchObject({ cardEnding: '1111' });
    const queued = cache.db.prepare('SELECT mutation FROM outbox').all() as Array<{ mutation: string }>;
    expect(queued.map((q) => JSON.parse(q.mutation) as { workOrder?: { details: unknown } })[0]?.workOrder?.details).toMatchObject({ cardEnding: '1111' });
    for (const file of readdirSync(dirname(path))) {
      const bytes = readFileSync(join(dirname(path), file));
      expect(bytes.includes('4111 1111 1111 1111') || bytes.includes('4111111111111111'), file).toBe(false);
    }
  });

  it('files the work order with its SLA deadline and route, a callback reminder and a follow-up task, and clears the draft', () => {
    const { cache, filing } = setup();
    cache.workOrderDrafts.save('1001', WorkOrderDraft.parse({ whatHappened: 'Waited 40 minutes' }));
    const filed = filing.file('1001', form);
    expect(filed).toMatchObject({ dueAt: NOW + 8 * HOUR, route: 'specialist' });
    expect(filed.id).toMatch(/^WO-20261123-[0-9A-F]{6}$/);
    const row = cache.db.prepare('SELECT complaint_type, severity, due_at, data FROM work_orders WHERE external_id = ?').get(filed.id) as {
      complaint_type: string;
      severity: string;
      due_at: number;
      data: string;
    };
    expect(row).toMatchObject({ complaint_type: 'long-wait', severity: 'difficult', due_at: NOW + 8 * HOUR });
    expect(JSON.parse(row.data)).toMatchObject({ whyTags: ['understaffed-shift'], fairResolution: 'A call back today', callId: 'call-1', route: 'specialist' });
    const due = cache.followUps.due(NOW + 100 * HOUR);
    expect(due.map((f) => [f.kind, f.number, f.dueAt, f.windowEnd])).toEqual([
      ['callback', '+8613812345678', NOW + 4 * HOUR, NOW + 6 * HOUR],
      ['follow-up', '+8613812345678', NOW + 72 * HOUR, null],
    ]);
    expect(cache.workOrderDrafts.load('1001')).toBeNull();
    cache.close();
  });

  it('lists work orders by status, nearest deadline first', () => {
    const { cache, filing } = setup();
    const ordinary = filing.file('1001', { ...form, severity: 'ordinary', callback: null });
    const major = filing.file('1001', { ...form, severity: 'major', callback: null });
    expect(cache.workOrders.list(['open']).map((w) => w.id)).toEqual([major.id, ordinary.id]);
    cache.workOrders.setStatus(cache.workOrders.idOf(major.id)!, 'resolved', 'lead');
    expect(cache.workOrders.list(['open']).map((w) => w.id)).toEqual([ordinary.id]);
    expect(cache.workOrders.list(['resolved', 'closed']).map((w) => w.id)).toEqual([major.id]);
    const plan = cache.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM work_orders WHERE status IN ('open') ORDER BY due_at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('work_orders_by_status');
    cache.close();
  });

  it('keeps the draft across a reopen of the database file', () => {
    const { cache, path } = setup();
    cache.workOrderDrafts.save('1001', WorkOrderDraft.parse({ whatHappened: '包裹三天没到', whyTags: ['late-by-shipper'] }));
    cache.close();
    const again = new Cache(path);
    expect(again.workOrderDrafts.load('1001')?.draft).toMatchObject({ whatHappened: '包裹三天没到', whyTags: ['late-by-shipper'] });
    again.close();
  });

  it('never gives a second work order a number the day already has (24 random bits clash within thousands)', () => {
    const { cache } = setup();
    const drawn = ['A1B2C3', 'A1B2C3', 'A1B2C3', 'D4E5F6'];
    const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => NOW, null, () => drawn.shift()!);
    expect(filing.file('1001', form).id).toBe('WO-20261123-A1B2C3');
    expect(filing.file('1001', form).id).toBe('WO-20261123-D4E5F6');
    expect(cache.db.prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 2 });
  });

  it('carries the queue the customer called on, from the live call or from the call\'s row, to the team server too', () => {
    const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'filing-')), 'cache.sqlite'), () => NOW, { teamSync: true });
    const live = new Map([['call-live', 'vip']]);
    const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => NOW,
      cache.outbox, undefined, (callId) => (live.has(callId) ? live.get(callId)! : undefined));
    // Filed in after-call work: the call is over and its row holds the queue.
    new ContactsRepo(cache.db).upsert({
      externalId: 'call:call-ended', customerId: null, startedAt: NOW - HOUR, direction: 'inbound', number: '+8613812345678', queue: 'billing',
      ivrPath: null, durationS: 300, holdS: 0, disposition: null, agent: '1001', transferTarget: null, workOrderId: null,
    });
    const filed = [
      filing.file('1001', { ...form, callId: 'call-live' }),
      filing.file('1001', { ...form, callId: 'call-ended' }),
      filing.file('1001', { ...form, callId: null }), // filed with no call: no queue
    ];
    const queueOf = (id: string) => (cache.db.prepare('SELECT call_queue FROM work_orders WHERE external_id = ?').get(id) as { call_queue: string | null }).call_queue;
    expect(filed.map((f) => queueOf(f.id))).toEqual(['vip', 'billing', null]);
    const sent = cache.outbox.pending(10).map((p) => p.mutation).filter((m) => m.kind === 'workOrder.file');
    expect(sent.map((m) => (m.kind === 'workOrder.file' ? [m.workOrder.displayId, m.workOrder.callQueue] : null))).toEqual(filed.map((f, i) => [f.id, ['vip', 'billing', null][i]]));
    cache.close();
  });
});
