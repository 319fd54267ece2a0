import type { Db } from '../db/database';
import type { CustomerDirectory } from './recording-finder';

/** Escapes LIKE's wildcards so a typed % or _ is a character, not a pattern. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** This desktop's cache, read for the recordings search: customers (names ↔ numbers) and a work order's call. */
export function customerDirectory(db: Db): CustomerDirectory {
  const named = db.prepare<[string], { e164: string }>(`
    SELECT DISTINCT p.e164 FROM customers c JOIN customer_phones p ON p.customer_id = c.id
    WHERE c.name LIKE ? ESCAPE '\\' ORDER BY c.updated_at DESC LIMIT 20`);
  const byNumber = db.prepare<[string], { name: string }>(`
    SELECT c.name FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ? ORDER BY c.updated_at DESC LIMIT 1`);
  // The work order names the desktop's call; that call's row holds the PBX's Call-ID once the call has ended.
  const workOrder = db.prepare<[string], { customer_id: number | null; created_at: number; call_id: string | null; pbx_call_id: string | null }>(`
    SELECT w.customer_id, w.created_at, json_extract(w.data, '$.callId') AS call_id, c.pbx_call_id
    FROM work_orders w LEFT JOIN contacts c ON c.external_id = 'call:' || json_extract(w.data, '$.callId')
    WHERE w.external_id = ?`);
  const phones = db.prepare<[number], { e164: string }>('SELECT e164 FROM customer_phones WHERE customer_id = ? ORDER BY e164 LIMIT 5');
  return {
    workOrderCall: (id) => {
      const w = workOrder.get(id);
      if (!w || !w.call_id || (w.customer_id === null && !w.pbx_call_id)) return null;
      const numbers = w.customer_id === null ? [] : phones.all(w.customer_id).map((p) => p.e164);
      return { pbxCallId: w.pbx_call_id, numbers, filedAt: w.created_at };
    },
    numbersNamed: (name) => named.all(`%${literal(name)}%`).map((r) => r.e164),
    nameOf: (number) => byNumber.get(number)?.name ?? null,
  };
}
