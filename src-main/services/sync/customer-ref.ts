import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { CustomerRef } from '../../../src-shared/sync/contract';

/** How the team server names a local customer: the CRM's external id and name (local row ids mean nothing there). */
export function customerRef(db: Db, customerId: number | null, number: string | null): CustomerRef {
  const row = customerId === null ? undefined : prepared<[number], { external_id: string; name: string }>(db, 'SELECT external_id, name FROM customers WHERE id = ?').get(customerId);
  return { externalId: row?.external_id ?? null, name: row?.name ?? null, number: number?.slice(0, 40) ?? null };
}

/** The local customer a server row names, by CRM id first, then by the number on file. */
export function localCustomerId(db: Db, ref: CustomerRef): number | null {
  if (ref.externalId) {
    const row = prepared<[string], { id: number }>(db, 'SELECT id FROM customers WHERE external_id = ?').get(ref.externalId);
    if (row) return row.id;
  }
  if (ref.number) {
    const row = prepared<[string], { customer_id: number }>(db, 'SELECT customer_id FROM customer_phones WHERE e164 = ?').get(ref.number);
    if (row) return row.customer_id;
  }
  return null;
}
