import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleArticles, syntheticArticles } from '../../src-main/hosts/cli/bench/kb-corpus';
import { Cache } from '../../src-main/services/db/cache';
import { importInWorker } from '../../src-main/services/importers/import-job';
import { WorkOrderFiling } from '../../src-main/services/workorders/work-order-filing';
import { DEFAULT_SLA_HOURS } from '../../src-shared/workorders/complaint';
import type { WorkOrderSubmission } from '../../src-shared/workorders/work-order-form';

const ARTICLES = 10_000;
/**
 * Not a timing target (a loaded machine stalls any thread for tens of ms; the figures are printed, and the design
 * is for under 100 ms, see write-in-slices.ts) but the mark of an import that holds the write lock for a whole
 * batch or more: before slices, filings waited up to 3 s. A filing waiting a whole slice and a busy-handler retry
 * under load took at most ~150 ms.
 */
const HELD_LOCK_MS = 1_000;
/** How often a work order is filed while the import runs (at every stage of it: agents file at any moment). */
const FILING_EVERY_MS = 100;
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'filing-during-import-'));
const dbPath = join(dir, 'cache.sqlite');
const kbFile = join(dir, 'kb.jsonl');
// The import worker as the app runs it, built inside the project so it resolves better-sqlite3 from node_modules.
const worker = join(process.cwd(), 'node_modules', '.cache', 'agent-desktop', `import-worker-${process.pid}.mjs`);

const form: WorkOrderSubmission = {
  complaintType: 'long-wait',
  whyTags: ['understaffed-shift'],
  whatHappened: 'Waited 40 minutes in the queue, then was cut off.',
  severity: 'difficult',
  fairResolution: 'A call back today',
  extraOffered: 'Free shipping on the next order',
  callback: null,
  followUpAt: Date.UTC(2026, 10, 26, 10, 0),
  customerId: null,
  callId: 'call-1',
};

describe('a work order filed during a knowledge-base import', () => {
  beforeAll(async () => {
    const samples = sampleArticles(resolve('resources'));
    const articles = [...samples, ...syntheticArticles(samples, ARTICLES - samples.length)];
    writeFileSync(kbFile, articles.map((a) => JSON.stringify({ id: a.externalId, locale: a.locale, title: a.title, body: a.body, tags: a.tags, category: a.category })).join('\n'));
    mkdirSync(join(process.cwd(), 'node_modules', '.cache', 'agent-desktop'), { recursive: true });
    await build({
      input: fileURLToPath(new URL('../../src-main/services/importers/import-worker.ts', import.meta.url)),
      platform: 'node',
      external: [/^[^./]/],
      output: { file: worker, format: 'esm' },
      logLevel: 'silent',
    });
  }, 120_000);

  it(`is written between the import's slices, never after a batch of them, while ${ARTICLES} articles are imported in the worker`, async () => {
    const cache = new Cache(dbPath);
    // A work order's number is its day and 24 random bits; this test files more in a minute than a desk does in a
    // day, so each is dated a day after the one before, never to clash.
    let day = 0;
    const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => Date.UTC(2026, 0, 1) + day++ * DAY);
    const waits: number[] = [];
    const filed: string[] = [];
    // Timed from the call to its return: the whole time the main thread (the phone's signaling) is held.
    const fileOne = () => {
      const started = performance.now();
      filed.push(filing.file('1001', form).id);
      waits.push(performance.now() - started);
    };
    const timer = setInterval(fileOne, FILING_EVERY_MS);
    const result = await importInWorker(worker, { kind: 'kb', path: kbFile, dbPath, region: 'CN' }).finally(() => clearInterval(timer));

    expect(result).toEqual({ imported: ARTICLES, updated: 0, rejected: [] });
    // Filed all through the import, not only before it began or after it ended.
    expect(waits.length).toBeGreaterThan(20);
    const sorted = [...waits].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    console.info(`filings during the import: ${waits.length}, waited p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, longest ${at(1)} ms`);
    const held = waits.filter((ms) => ms > HELD_LOCK_MS).map((ms) => Math.round(ms));
    expect(held, `filings that waited over ${HELD_LOCK_MS} ms for the import's lock, of ${waits.length}`).toEqual([]);
    const stored = cache.workOrdersDb.prepare('SELECT count(*) FROM work_orders').pluck().get();
    expect(stored).toBe(filed.length);
    // The imported articles are found once the import has ended.
    expect(cache.kbSearch.search('Lumen', { locale: 'en', limit: 100 })).toHaveLength(100);
    cache.close();
  }, 600_000);
});
