import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Cache } from '../services/db/cache';
import { EventBus } from './event-bus';
import { FollowUpReminders } from './follow-up-reminders';

const HOUR = 3600_000;

describe('FollowUpReminders on a real SQLite file', () => {
  let reminders: FollowUpReminders | null = null;
  afterEach(() => reminders?.stop());

  it('pops due callbacks and follow-ups, and records the CSAT given at follow-up on the work order', () => {
    const now = Date.now();
    const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'remind-')), 'cache.sqlite'));
    const customer = cache.customers.upsert({ externalId: 'C-1', name: '陳美玲', tier: 'gold', preferredLanguage: 'zh-TW', notes: '', tags: [], phones: ['+886912345678'] }).id;
    const order = cache.workOrders.create({ externalId: 'WO-9', customerId: customer, kind: 'complaint', complaintType: 'long-wait', severity: 'ordinary', summary: '', createdAt: now - 72 * HOUR, dueAt: null, actor: '1001' });
    const callback = cache.followUps.add({ kind: 'callback', customerId: customer, workOrderId: order, number: '+886912345678', dueAt: now - 60_000, windowEnd: now + HOUR, note: '' });
    const followUp = cache.followUps.add({ kind: 'follow-up', customerId: customer, workOrderId: order, number: null, dueAt: now - HOUR, windowEnd: null, note: 'Ask if the refund arrived' });
    cache.followUps.add({ kind: 'follow-up', customerId: customer, workOrderId: order, number: null, dueAt: now + 24 * HOUR, windowEnd: null, note: 'not yet' });

    const events = new EventBus();
    const seen: number[][] = [];
    events.subscribe((event, payload) => {
      if (event === 'followUpsDue') seen.push((payload as { reminders: { id: number }[] }).reminders.map((r) => r.id));
    });
    reminders = new FollowUpReminders(cache, events, () => '1001', 60_000);
    reminders.start();
    expect(seen).toEqual([[followUp, callback]]);
    expect(reminders.due()[0]).toMatchObject({ kind: 'follow-up', customerName: '陳美玲', workOrderId: 'WO-9', note: 'Ask if the refund arrived' });

    expect(reminders.complete(callback, undefined)).toEqual({ workOrderId: 'WO-9', csat: null });
    expect(reminders.complete(followUp, 2)).toEqual({ workOrderId: 'WO-9', csat: 2 });
    expect(seen).toEqual([[followUp, callback], [followUp], []]);
    // A low score at follow-up is what flags a failed recovery on this customer's next call.
    expect(cache.workOrders.failedRecoveryFor(customer)).toMatchObject({ workOrderId: 'WO-9', reason: 'low-rating', csat: 2 });
    expect(() => reminders!.complete(999, undefined)).toThrow(/no reminder 999/);
    cache.close();
  });

  it('a double submit of the CSAT records one rating and one event; the second answer is the same', () => {
    const now = Date.now();
    const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'remind-')), 'cache.sqlite'));
    const customer = cache.customers.upsert({ externalId: 'C-2', name: 'Emily Carter', tier: 'standard', preferredLanguage: 'en', notes: '', tags: [], phones: ['+14155550142'] }).id;
    const order = cache.workOrders.create({ externalId: 'WO-10', customerId: customer, kind: 'complaint', complaintType: 'long-wait', severity: 'ordinary', summary: '', createdAt: now - 72 * HOUR, dueAt: null, actor: '1001' });
    const followUp = cache.followUps.add({ kind: 'follow-up', customerId: customer, workOrderId: order, number: null, dueAt: now - HOUR, windowEnd: null, note: '' });
    reminders = new FollowUpReminders(cache, new EventBus(), () => '1001', 60_000);
    expect(reminders.complete(followUp, 4)).toEqual({ workOrderId: 'WO-10', csat: 4 });
    expect(reminders.complete(followUp, 4)).toEqual({ workOrderId: 'WO-10', csat: 4 });
    const rated = cache.db.prepare("SELECT kind, data FROM work_order_events WHERE work_order_id = ? AND kind = 'rated'").all(order);
    expect(rated).toEqual([{ kind: 'rated', data: '{"csat":4}' }]);
    cache.close();
  });
});
