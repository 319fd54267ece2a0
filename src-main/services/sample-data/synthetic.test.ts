import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from '../../../src-shared/phone';
import { syntheticContacts, syntheticCustomers } from './synthetic';

describe('synthetic data', () => {
  it('is the same for the same seed and different for another', () => {
    const a = [...syntheticCustomers(50, 3)];
    expect([...syntheticCustomers(50, 3)]).toEqual(a);
    expect([...syntheticCustomers(50, 4)]).not.toEqual(a);
    expect([...syntheticContacts(20, 50, 5)]).toEqual([...syntheticContacts(20, 50, 5)]);
  });

  it('gives every customer a valid mobile number of their market', () => {
    const regions = { 'zh-CN': 'CN', 'zh-TW': 'TW', th: 'TH', en: 'US' } as const;
    for (const c of syntheticCustomers(500, 9)) {
      for (const phone of c.phones) expect(normalizePhoneNumber(phone, regions[c.language]), `${c.id} ${phone}`).not.toBeNull();
    }
  });

  it('refers only to customers that exist', () => {
    for (const call of syntheticContacts(1000, 30, 1)) expect(Number(call.customer_id.slice(5))).toBeLessThanOrEqual(30);
  });
});
