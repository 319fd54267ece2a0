import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Locale, ValueTier } from '../../../src-shared/domain/screen-pop';
import { normalizePhoneNumber, type CountryCode } from '../../../src-shared/phone';
import type { CustomersRepo } from '../customers/customers-repo';

const SampleCustomer = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  tier: ValueTier.default('standard'),
  language: Locale.nullable().default(null),
  phones: z.array(z.string().max(100)).max(10),
  notes: z.string().max(4000).default(''),
});

/** Loads the demo's sample customers (JSON Lines) into the cache; idempotent because it upserts by id. */
export function loadSampleCustomers(repo: CustomersRepo, path: string, region: CountryCode): number {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\n');
  let loaded = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = SampleCustomer.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const c = parsed.data;
    repo.upsert({
      externalId: c.id,
      name: c.name,
      tier: c.tier,
      preferredLanguage: c.language,
      notes: c.notes,
      tags: [],
      phones: c.phones.map((p) => normalizePhoneNumber(p, region)).filter((p): p is string => p !== null),
    });
    loaded++;
  });
  return loaded;
}
