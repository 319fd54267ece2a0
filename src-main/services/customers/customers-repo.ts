import type { Db } from '../db/database';
import { Locale, ValueTier, type CustomerSummary } from '../../../src-shared/domain/screen-pop';

export interface CustomerRecord {
  externalId: string;
  name: string;
  tier: ValueTier;
  preferredLanguage: Locale | null;
  notes: string;
  tags: string[];
  /** Already normalised to E.164. */
  phones: string[];
}

interface CustomerRow {
  id: number;
  external_id: string;
  name: string;
  tier: string;
  preferred_language: string | null;
  notes: string;
  tags: string;
}

function toSummary(row: CustomerRow, phones: string[]): CustomerSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    tier: ValueTier.parse(row.tier),
    preferredLanguage: row.preferred_language === null ? null : Locale.parse(row.preferred_language),
    phones,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
  };
}

/** The customers table and its phone numbers; every statement prepared with bound parameters. */
export class CustomersRepo {
  private readonly upsertCustomer;
  private readonly deletePhones;
  private readonly insertPhone;
  readonly byPhone;
  readonly byExternalId;
  readonly phonesOf;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {
    this.upsertCustomer = db.prepare<[string, string, string, string | null, string, string, number], { id: number }>(`
      INSERT INTO customers (external_id, name, tier, preferred_language, notes, tags, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (external_id) DO UPDATE SET name = excluded.name, tier = excluded.tier,
        preferred_language = excluded.preferred_language, notes = excluded.notes, tags = excluded.tags, updated_at = excluded.updated_at
      RETURNING id`);
    this.deletePhones = db.prepare<[number]>('DELETE FROM customer_phones WHERE customer_id = ?');
    this.insertPhone = db.prepare<[number, string]>('INSERT OR IGNORE INTO customer_phones (customer_id, e164) VALUES (?, ?)');
    this.byPhone = db.prepare<[string], CustomerRow>(`
      SELECT c.id, c.external_id, c.name, c.tier, c.preferred_language, c.notes, c.tags
      FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ? ORDER BY c.updated_at DESC LIMIT 1`);
    this.byExternalId = db.prepare<[string], CustomerRow>(
      'SELECT id, external_id, name, tier, preferred_language, notes, tags FROM customers WHERE external_id = ?',
    );
    this.phonesOf = db.prepare<[number], { e164: string }>('SELECT e164 FROM customer_phones WHERE customer_id = ? ORDER BY e164');
  }

  /** Insert or update by external id; the phone list is replaced. Returns the row id and whether it was new. */
  upsert(record: CustomerRecord): { id: number; created: boolean } {
    return this.db.transaction(() => {
      const created = !this.byExternalId.get(record.externalId);
      const { id } = this.upsertCustomer.get(
        record.externalId,
        record.name,
        record.tier,
        record.preferredLanguage,
        record.notes,
        JSON.stringify(record.tags),
        this.now(),
      )!;
      this.deletePhones.run(id);
      for (const phone of record.phones) this.insertPhone.run(id, phone);
      return { id, created };
    })();
  }

  findByPhone(e164: string): CustomerSummary | null {
    const row = this.byPhone.get(e164);
    return row ? this.summary(row) : null;
  }

  findByExternalId(externalId: string): CustomerSummary | null {
    const row = this.byExternalId.get(externalId);
    return row ? this.summary(row) : null;
  }

  private summary(row: CustomerRow): CustomerSummary {
    return toSummary(row, this.phonesOf.all(row.id).map((p) => p.e164));
  }
}
