import { basename } from 'node:path';
import type { z } from 'zod';
import { normalizePhoneNumber, type CountryCode } from '../../../src-shared/phone';
import type { Cache } from '../db/cache';
import type { PreparedArticle } from '../kb/kb-repo';
import { writeInSlices } from '../db/write-in-slices';
import { readRecords } from './read-records';
import { ContactImport, CustomerImport, KbImport, describeIssues } from './schemas';
import { ReplyTemplate } from '../../../src-shared/replies/template';
import { SynonymGroup } from '../kb/kb-synonyms';

export const IMPORT_KINDS = ['customers', 'contacts', 'kb', 'templates', 'synonyms'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface Rejected {
  file: string;
  line: number;
  reason: string;
}

export interface ImportResult {
  imported: number;
  updated: number;
  rejected: Rejected[];
}

export interface ImportProgress {
  kind: ImportKind;
  file: string;
  processed: number;
  total: number;
}

export interface ImportOptions {
  region: CountryCode;
  onProgress?: (progress: ImportProgress) => void;
}

/** A row that is well-formed but cannot be stored (e.g. refers to an unknown customer). */
class RowError extends Error {}

interface Handler<S extends z.ZodTypeAny> {
  schema: S;
  /** Work a row needs before it is written, done outside the write transaction (segmenting an article's text). */
  prepare?(row: z.infer<S>, cache: Cache): unknown;
  /** Stores one validated (and prepared) row; returns whether it was new. */
  store(row: z.infer<S>, cache: Cache, region: CountryCode): boolean;
}

const handlers: { [K in ImportKind]: Handler<z.ZodTypeAny> } = {
  customers: {
    schema: CustomerImport,
    store(row: z.infer<typeof CustomerImport>, cache, region) {
      const phones: string[] = [];
      for (const raw of row.phones) {
        const e164 = normalizePhoneNumber(raw, region);
        if (!e164) throw new RowError(`phone "${raw}" is not a valid number for region ${region}`);
        phones.push(e164);
      }
      return cache.customers.upsert({
        externalId: row.id,
        name: row.name,
        tier: row.tier,
        preferredLanguage: row.language,
        notes: row.notes,
        tags: row.tags,
        phones,
      }).created;
    },
  },
  contacts: {
    schema: ContactImport,
    store(row: z.infer<typeof ContactImport>, cache, region) {
      let customerId: number | null = null;
      if (row.customer_id) {
        const customer = cache.customers.findByExternalId(row.customer_id);
        if (!customer) throw new RowError(`customer_id "${row.customer_id}" is not a known customer; import customers first`);
        customerId = customer.id;
      }
      let workOrderId: number | null = null;
      if (row.work_order_id) {
        workOrderId = cache.workOrders.idOf(row.work_order_id);
        if (workOrderId === null) throw new RowError(`work_order_id "${row.work_order_id}" is not a known work order`);
      }
      return cache.contacts.upsert({
        externalId: row.id,
        customerId,
        startedAt: row.time,
        direction: row.direction,
        number: normalizePhoneNumber(row.number, region) ?? row.number,
        queue: row.queue,
        ivrPath: row.ivr_path,
        durationS: row.duration_s,
        holdS: row.hold_s,
        disposition: row.disposition,
        agent: row.agent,
        transferTarget: row.transfer_target,
        workOrderId,
      }).created;
    },
  },
  kb: {
    schema: KbImport,
    prepare(row: z.infer<typeof KbImport>, cache): PreparedArticle {
      return cache.kb.prepare({
        externalId: row.id,
        locale: row.locale,
        title: row.title,
        body: row.body,
        tags: row.tags,
        category: row.category,
      });
    },
    store: (article: PreparedArticle, cache) => cache.kb.store(article).created,
  },
  templates: {
    schema: ReplyTemplate,
    store: (row: ReplyTemplate, cache) => cache.templates.upsert(row).created,
  },
  // Everyday words for the knowledge search, kept beside the cache; a group already there counts as updated.
  synonyms: {
    schema: SynonymGroup,
    store: (row: SynonymGroup, cache) => cache.kbSearch.synonyms.add(row),
  },
};

/**
 * Reads and checks a file exactly as importFile does, writing nothing: what is published to the team server is
 * checked by the same schema as what is imported here (the server checks it again).
 */
export function checkFile(kind: ImportKind, path: string): { ready: { line: number; row: unknown }[]; rejected: Rejected[] } {
  const file = basename(path);
  const ready: { line: number; row: unknown }[] = [];
  const rejected: Rejected[] = [];
  for (const record of readRecords(path)) {
    if ('error' in record) {
      rejected.push({ file, line: record.line, reason: record.error });
      continue;
    }
    const parsed = handlers[kind].schema.safeParse(record.fields);
    if (parsed.success) ready.push({ line: record.line, row: parsed.data });
    else rejected.push({ file, line: record.line, reason: describeIssues(parsed.error) });
  }
  return { ready, rejected };
}

/** Rows read, validated and prepared at a time (and progress reported). */
const BATCH = 500;

/**
 * Imports one file into the cache: upsert by external id (so running it twice changes nothing). Rows are
 * validated and prepared outside any transaction, then written in short transactions with pauses between
 * (writeInSlices), so a work order being filed never waits long. A bad row is reported with file, line and
 * reason; it never aborts the import and never costs a good row.
 */
export function importFile(cache: Cache, kind: ImportKind, path: string, options: ImportOptions): ImportResult {
  const handler = handlers[kind];
  const file = basename(path);
  const records = readRecords(path);
  const result: ImportResult = { imported: 0, updated: 0, rejected: [] };
  const reject = (line: number, reason: string) => result.rejected.push({ file, line, reason });
  const store = ({ line, row }: { line: number; row: unknown }) => {
    try {
      // A savepoint per row: a row that fails in the database takes nothing of the batch with it.
      const created = cache.db.transaction(() => handler.store(row, cache, options.region))();
      if (created) result.imported++;
      else result.updated++;
    } catch (err) {
      if (!(err instanceof RowError) && !/constraint|SQLITE_/i.test(String(err))) throw err;
      reject(line, (err as Error).message);
    }
  };
  if (kind === 'kb') cache.kb.startImport();
  for (let i = 0; i < records.length; i += BATCH) {
    const ready: { line: number; row: unknown }[] = [];
    for (const record of records.slice(i, i + BATCH)) {
      if ('error' in record) {
        reject(record.line, record.error);
        continue;
      }
      const parsed = handler.schema.safeParse(record.fields);
      if (!parsed.success) {
        reject(record.line, describeIssues(parsed.error));
        continue;
      }
      ready.push({ line: record.line, row: handler.prepare ? handler.prepare(parsed.data, cache) : parsed.data });
    }
    writeInSlices(cache.db, ready, store);
    options.onProgress?.({ kind, file, processed: Math.min(i + BATCH, records.length), total: records.length });
  }
  if (kind === 'kb') cache.kb.finishImport();
  // In line order, as before rows were prepared ahead of their batch's writing.
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}
