import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizePhoneNumber } from '../../../../src-shared/phone';
import { Cache } from '../../../services/db/cache';
import { customerId, pick, seededRandom, syntheticContacts, syntheticCustomers, type SyntheticContact, type SyntheticCustomer } from '../../../services/sample-data/synthetic';
import { ScreenPopService } from '../../../services/screen-pop/screen-pop';
import type { CommandContext } from '../command';
import { percentile, round, timeMs } from './stats';

const SCALE = { small: { customers: 30_000, contacts: 150_000 }, full: { customers: 1_000_000, contacts: 5_000_000 } };
const LOOKUPS = 10_000;
const REGIONS = { 'zh-CN': 'CN', 'zh-TW': 'TW', th: 'TH', en: 'US' } as const;

/** Fills a cache with synthetic customers and calls, straight through prepared statements in large transactions. */
function fill(cache: Cache, customers: number, contacts: number): string[][] {
  const db = cache.db;
  const insertCustomer = db.prepare(
    "INSERT INTO customers (external_id, name, tier, preferred_language, notes, tags, updated_at) VALUES (?, ?, ?, ?, '', '[]', 0)",
  );
  const insertPhone = db.prepare('INSERT OR IGNORE INTO customer_phones (customer_id, e164) VALUES (?, ?)');
  const insertContact = db.prepare(
    'INSERT INTO contacts (external_id, customer_id, started_at, direction, number, queue, ivr_path, duration_s, hold_s, disposition, agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const phones: string[][] = [];
  const batch = 50_000;
  const customerRows = syntheticCustomers(customers, 21);
  for (let done = 0; done < customers; done += batch) {
    db.transaction(() => {
      for (let i = 0; i < batch && done + i < customers; i++) {
        const c = customerRows.next().value as SyntheticCustomer;
        const id = Number(insertCustomer.run(c.id, c.name, c.tier, c.language).lastInsertRowid);
        const e164 = c.phones.map((p) => normalizePhoneNumber(p, REGIONS[c.language])!).filter(Boolean);
        for (const p of e164) insertPhone.run(id, p);
        phones.push(c.phones);
      }
    })();
  }
  const contactRows = syntheticContacts(contacts, customers, 22);
  for (let done = 0; done < contacts; done += batch) {
    db.transaction(() => {
      for (let i = 0; i < batch && done + i < contacts; i++) {
        const k = contactRows.next().value as SyntheticContact;
        const owner = Number(k.customer_id.slice(5));
        insertContact.run(k.id, owner, k.time, k.direction, '', k.queue, k.ivr_path, k.duration_s, k.hold_s, k.disposition, k.agent);
      }
    })();
  }
  db.pragma('optimize');
  return phones;
}

/** The number in one of the shapes PBXs hand over. */
function shape(r: () => number, phone: string): string {
  const e164 = phone.replace(/\s/g, '');
  return pick(r, [phone, e164, `sip:${e164}@pbx.example;user=phone`, `tel:${e164}`, `<sip:${e164}@10.0.0.1>`]);
}

/** Screen-pop lookup at call-center scale: latency per lookup, time to open and be ready, and index-only plans. */
export function benchLookup(_ctx: CommandContext, scale: 'small' | 'full') {
  const { customers, contacts } = SCALE[scale];
  const dir = mkdtempSync(join(tmpdir(), 'bench-lookup-'));
  const path = join(dir, 'cache.sqlite');
  try {
    let phones: string[][] = [];
    const fillMs = timeMs(() => {
      const cache = new Cache(path);
      phones = fill(cache, customers, contacts);
      cache.close();
    });

    let cache!: Cache;
    let pop!: ScreenPopService;
    const openMs = timeMs(() => {
      cache = new Cache(path);
      pop = new ScreenPopService(cache, 'CN');
      pop.lookup(phones[0]![0]!, null);
    });

    const r = seededRandom(23);
    const numbers = Array.from({ length: LOOKUPS }, () =>
      r() < 0.1 ? `+86 139 ${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : shape(r, pick(r, pick(r, phones))),
    );
    let known = 0;
    const micros = numbers.map((n) => {
      let kind = '';
      const ms = timeMs(() => (kind = pop.lookup(n, r() < 0.05 ? customerId(1 + Math.floor(r() * customers)) : null).kind));
      if (kind === 'known') known++;
      return ms * 1000;
    });

    const plans = pop.statementSources.map((sql) => {
      const args = (sql.match(/\?/g) ?? []).map(() => 1);
      const detail = (cache.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail);
      return { sql: sql.replace(/\s+/g, ' ').trim(), plan: detail, indexOnly: !detail.some((d) => /^SCAN (?!.*USING)/.test(d)) };
    });
    cache.close();
    const p95 = percentile(micros, 95);
    return {
      benchmark: 'lookup',
      scale,
      customers,
      contacts,
      fillSeconds: round(fillMs / 1000, 1),
      lookups: LOOKUPS,
      knownCallers: known,
      lookupMicros: { p50: round(percentile(micros, 50), 1), p95: round(p95, 1), max: round(Math.max(...micros), 1) },
      openAndReadyMs: round(openMs, 1),
      indexesOnly: plans.every((p) => p.indexOnly),
      plans,
      goals: {
        lookupP95AtMost1ms: { value: round(p95 / 1000, 3), met: p95 <= 1000 },
        openAndReadyAtMost200ms: { value: round(openMs, 1), met: openMs <= 200 },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
