import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Cache } from '../db/cache';
import type { Change } from '../../../src-shared/sync/contract';
import { ChangeApplier } from './apply-changes';

// Applying the team's changes is what a reconnecting floor's desktops do most: it must not prepare its SQLite
// statements again for every page (a CPU profile of the bench had that as the desktops' busiest work).

let dir: string;
let cache: Cache;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'apply-changes-'));
  cache = new Cache(join(dir, 'cache.sqlite'), Date.now, { teamSync: true });
});

afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A teammate's call with a work order, its 'created' event and its follow-up, as a pull brings them. */
function teammatesCall(seq: number): Change[] {
  const id = randomUUID();
  const customer = { externalId: null, name: null, number: '+8613800000000' };
  return [
    { seq, entity: 'workOrder', data: {
      id, displayId: `WO-${seq}`, teamId: 1, customer, complaintType: 'billing', severity: 'difficult', status: 'open', route: 'specialist',
      queue: 'complaints', assignee: null, createdBy: 'teammate', summary: `filed ${seq}`, details: {}, createdAt: 1, updatedAt: 1, dueAt: 2,
      reopenedCount: 0, csat: null, version: 1,
    } },
    { seq: seq + 1, entity: 'workOrderEvent', data: { id: seq + 1, workOrderId: id, at: 1, kind: 'created', actor: 'teammate', data: {} } },
    { seq: seq + 2, entity: 'followUp', data: {
      id: randomUUID(), teamId: 1, workOrderId: id, kind: 'callback', owner: 'teammate', queue: 'owner', number: '+8613800000000', dueAt: 5,
      windowEnd: null, note: '', status: 'pending', csat: null, version: 1,
    } },
    { seq: seq + 3, entity: 'contact', data: {
      id: randomUUID(), teamId: 1, agent: 'teammate', startedAt: 1, direction: 'inbound', customer, queue: 'general', durationS: 60, holdS: 0, disposition: 'resolved',
    } },
  ];
}

it('applies page after page without preparing its statements again, and the teammate\'s rows are there', () => {
  const applier = new ChangeApplier(cache.db, cache.outbox, () => 'agent-1');
  applier.apply(teammatesCall(1), () => undefined);

  const prepares = [vi.spyOn(cache.db, 'prepare'), vi.spyOn(cache.workOrdersDb, 'prepare')];
  const second = teammatesCall(5);
  const changed = { ...second[0]!, data: { ...(teammatesCall(1)[0]!.data as object), summary: 'changed' } } as Change;
  const { workOrders } = applier.apply([...second, changed], () => undefined);

  expect(prepares.map((p) => p.mock.calls.length)).toEqual([0, 0]);
  expect(workOrders).toHaveLength(2);
  const summaries = cache.db.prepare<[], { summary: string }>('SELECT summary FROM work_orders ORDER BY id').all().map((r) => r.summary);
  expect(summaries).toEqual(['filed 1', 'filed 5', 'changed']);
  expect(cache.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()!.n).toBe(2);
  expect(cache.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM follow_ups').get()!.n).toBe(2);
  expect(cache.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM work_order_events').get()!.n).toBe(2);
});
