import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecoveryFollowUp } from '../../../src-shared/replies/service-recovery';
import { Cache } from '../db/cache';
import { FollowUpsRepo } from './follow-ups-repo';

const DAY = 24 * 3600 * 1000;

describe('FollowUpsRepo on a real SQLite file', () => {
  it('stores the service-recovery follow-up, due in three days, and lists it once due', () => {
    let now = Date.UTC(2026, 10, 23, 9);
    const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'fu-')), 'cache.sqlite'), () => now);
    const customer = cache.customers.upsert({ externalId: 'C-1', name: '王小明', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', tags: [], phones: [] }).id;
    cache.workOrders.create({ externalId: 'WO-1', customerId: customer, kind: 'complaint', complaintType: 'long-wait', severity: 'ordinary', summary: '', createdAt: now, dueAt: null, actor: '1001' });
    const repo = new FollowUpsRepo(cache.db, () => now);
    const task = createRecoveryFollowUp({ customerId: customer, workOrderId: 'WO-1', uiLocale: 'zh-CN' }, () => now);
    const id = repo.addRecoveryFollowUp(task);

    expect(repo.due()).toEqual([]);
    now += 3 * DAY;
    const [due] = repo.due();
    expect(due).toMatchObject({ id, kind: 'follow-up', customerId: customer, dueAt: Date.UTC(2026, 10, 26, 9), note: task.note });
    expect(due!.workOrderId).toBe(cache.workOrders.idOf('WO-1'));
    expect(repo.markDone(id)).toBe(true);
    expect(repo.due()).toEqual([]);
    cache.close();
  });
});
