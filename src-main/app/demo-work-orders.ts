import type { Cache } from '../services/db/cache';

const DAY = 24 * 3600 * 1000;

/**
 * The demo's first caller, 王小明, has an open complaint and an earlier one whose recovery failed (reopened),
 * so the screen pop shows what a real one would: recovery works once, and this customer was failed before.
 */
export function seedDemoWorkOrders(cache: Cache, now = Date.now()): void {
  const wang = cache.customers.findByExternalId('CUST-1001');
  if (!wang || cache.workOrders.idOf('WO-DEMO-1') !== null) return;
  const failed = cache.workOrders.create({
    externalId: 'WO-DEMO-1',
    customerId: wang.id,
    kind: 'complaint',
    complaintType: 'problem-not-resolved',
    severity: 'difficult',
    summary: '耳机退货后退款未到账',
    createdAt: now - 20 * DAY,
    dueAt: now - 17 * DAY,
    actor: 'demo',
  });
  cache.workOrders.setStatus(failed, 'resolved', 'demo');
  cache.workOrders.reopen(failed, 'demo', '客户再次来电：退款仍未到账');
  cache.workOrders.create({
    externalId: 'WO-DEMO-2',
    customerId: wang.id,
    kind: 'complaint',
    complaintType: 'long-wait',
    severity: 'ordinary',
    summary: '等待时间过长，要求回电',
    createdAt: now - 2 * DAY,
    dueAt: now + DAY,
    actor: 'demo',
  });
}
