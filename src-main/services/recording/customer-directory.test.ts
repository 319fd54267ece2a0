import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_HOURS } from '../../../src-shared/workorders/complaint';
import type { WorkOrderSubmission } from '../../../src-shared/workorders/work-order-form';
import { Cache } from '../db/cache';
import { WorkOrderFiling } from '../workorders/work-order-filing';
import { customerDirectory } from './customer-directory';

const NOW = Date.UTC(2026, 10, 30, 2, 0);

function setup() {
  const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'directory-')), 'cache.sqlite'), () => NOW);
  const { id } = cache.customers.upsert({ externalId: 'CUST-1', name: '王小明', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', tags: [], phones: ['+8613812345678'] });
  cache.customers.upsert({ externalId: 'CUST-2', name: '100%_Corp', tier: 'standard', preferredLanguage: null, notes: '', tags: [], phones: ['+66812340000'] });
  const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => NOW);
  const form: WorkOrderSubmission = {
    complaintType: 'long-wait', whyTags: [], whatHappened: 'Waited', severity: 'ordinary', fairResolution: '', extraOffered: '',
    callback: null, followUpAt: NOW + 3600_000, customerId: id, callId: 'c-1',
  };
  return { cache, filing, form };
}

describe('customerDirectory on a real cache', () => {
  it('turns a name into its numbers (a typed % or _ is a character) and a number into its name', () => {
    const { cache } = setup();
    const directory = customerDirectory(cache.db);
    expect(directory.numbersNamed('小明')).toEqual(['+8613812345678']);
    expect(directory.numbersNamed('100%_')).toEqual(['+66812340000']);
    expect(directory.numbersNamed('%')).toEqual(['+66812340000']);
    expect(directory.nameOf('+8613812345678')).toBe('王小明');
    expect(directory.nameOf('+1')).toBeNull();
  });

  it("gives a work order's customer numbers and filing time, and nothing for one filed without a call", () => {
    const { cache, filing, form } = setup();
    const withCall = filing.file('1001', form).id;
    const withoutCall = filing.file('1001', { ...form, callId: null }).id;
    const directory = customerDirectory(cache.db);
    expect(directory.workOrderCall(withCall)).toEqual({ pbxCallId: null, numbers: ['+8613812345678'], filedAt: NOW });
    // Once the call has ended its row holds the PBX's Call-ID: the work order's recording is found by it.
    cache.contacts.upsert({
      externalId: 'call:c-1', customerId: form.customerId, startedAt: NOW - 60_000, direction: 'inbound', number: '+8613812345678', queue: null,
      ivrPath: null, durationS: 50, holdS: 0, disposition: null, agent: '1001', transferTarget: null, workOrderId: null, pbxCallId: 'a84b4c76e66710@pbx',
    });
    expect(directory.workOrderCall(withCall)).toEqual({ pbxCallId: 'a84b4c76e66710@pbx', numbers: ['+8613812345678'], filedAt: NOW });
    expect(directory.workOrderCall(withoutCall)).toBeNull();
    expect(directory.workOrderCall('WO-NONE')).toBeNull();
  });
});
