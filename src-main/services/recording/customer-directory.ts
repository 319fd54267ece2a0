import type { Db } from '../db/database';
import type { CustomerDirectory } from './recording-finder';

/** Escapes LIKE's wildcards so a typed % or _ is a character, not a pattern. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The customers table of this desktop's cache, read for the recordings search (names ↔ numbers). */
export function customerDirectory(db: Db): CustomerDirectory {
  const named = db.prepare<[string], { e164: string }>(`
    SELECT DISTINCT p.e164 FROM customers c JOIN customer_phones p ON p.customer_id = c.id
    WHERE c.name LIKE ? ESCAPE '\\' ORDER BY c.updated_at DESC LIMIT 20`);
  const byNumber = db.prepare<[string], { name: string }>(`
    SELECT c.name FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ? ORDER BY c.updated_at DESC LIMIT 1`);
  return {
    numbersNamed: (name) => named.all(`%${literal(name)}%`).map((r) => r.e164),
    nameOf: (number) => byNumber.get(number)?.name ?? null,
  };
}
