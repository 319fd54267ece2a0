import { randomBytes } from 'node:crypto';
import type { NewCustomer } from '../../../src-shared/domain/new-customer';
import type { CustomersRepo } from './customers-repo';

/**
 * A new caller's record, made by the agent from the pop. The external id says where it came from (the CRM's
 * import later upserts its own ids); a number already on file is never given to a second customer.
 */
export function quickCreateCustomer(
  customers: CustomersRepo,
  e164: string,
  input: Pick<NewCustomer, 'name' | 'preferredLanguage' | 'notes'>,
  now: Date = new Date(),
): { id: number; externalId: string; created: boolean } {
  const existing = customers.findByPhone(e164);
  if (existing) return { id: existing.id, externalId: existing.externalId, created: false };
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const externalId = `NEW-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
  const { id } = customers.upsert({
    externalId,
    name: input.name,
    tier: 'standard',
    preferredLanguage: input.preferredLanguage,
    notes: input.notes,
    tags: ['created-by-agent'],
    phones: [e164],
  });
  return { id, externalId, created: true };
}
