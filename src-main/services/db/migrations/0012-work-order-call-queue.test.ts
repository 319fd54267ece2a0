import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migration 0012: the call queue of each work order', () => {
  it('work orders cached before it take the queue of the call they were filed on, else of a call linked to them', () => {
    const db = new Database(':memory:');
    const at = migrations.findIndex((m) => m.name === '0012-work-order-call-queue');
    for (const m of migrations.slice(0, at)) m.up(db);
    const order = db.prepare("INSERT INTO work_orders (external_id, kind, severity, status, summary, data, created_at, updated_at, queue) VALUES (?, 'complaint', 'ordinary', 'open', '', ?, 0, 0, 'specialists') RETURNING id");
    const call = db.prepare("INSERT INTO contacts (external_id, started_at, direction, queue, work_order_id) VALUES (?, ?, 'inbound', ?, ?)");
    order.run('WO-filed-on-call', JSON.stringify({ callId: 'c1' }));
    const linked = (order.get('WO-linked', '{}') as { id: number }).id;
    order.run('WO-no-call', '{}');
    order.run('WO-call-not-cached', JSON.stringify({ callId: 'gone' }));
    call.run('call:c1', 1_000, 'billing', null);
    call.run('import:7', 3_000, 'delivery', linked);
    call.run('import:6', 2_000, 'vip', linked); // its first call
    call.run('import:8', 4_000, null, linked);
    migrations[at]!.up(db);
    // The routing queue (specialists) stays what it was: it is another thing.
    expect(db.prepare('SELECT external_id, call_queue, queue FROM work_orders ORDER BY id').all()).toEqual([
      { external_id: 'WO-filed-on-call', call_queue: 'billing', queue: 'specialists' },
      { external_id: 'WO-linked', call_queue: 'vip', queue: 'specialists' },
      { external_id: 'WO-no-call', call_queue: null, queue: 'specialists' },
      { external_id: 'WO-call-not-cached', call_queue: null, queue: 'specialists' },
    ]);
    db.close();
  });
});
