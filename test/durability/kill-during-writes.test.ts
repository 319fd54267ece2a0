import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import { Cache } from '../../src-main/services/db/cache';

const KILLS = 200;
const dir = mkdtempSync(join(tmpdir(), 'durability-'));
const dbPath = join(dir, 'cache.sqlite');
// Built inside the project so the child resolves better-sqlite3 from its node_modules.
const writer = join(process.cwd(), 'node_modules', '.cache', 'agent-desktop', `durability-writer-${process.pid}.mjs`);

/**
 * Runs the writer and kills it with SIGKILL `afterMs` after it starts, or, with `afterFirstAck`, that long after
 * its first acknowledged write (so most kills land mid-writing). Returns the ids it acknowledged.
 */
function runAndKill(prefix: string, afterMs: number, afterFirstAck: boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dbPath, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined = afterFirstAck ? undefined : setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself (${code}): ${err}`));
      // Only complete lines count: a line cut by the kill was never fully acknowledged.
      resolve(out.split('\n').slice(0, -1).map((l) => l.replace(/^ack /, '')));
    });
  });
}

describe('work orders survive SIGKILL at random moments', () => {
  beforeAll(async () => {
    new Cache(dbPath).close();
    await build({
      input: fileURLToPath(new URL('./work-order-writer.ts', import.meta.url)),
      platform: 'node',
      external: ['better-sqlite3'],
      output: { file: writer, format: 'esm' },
      logLevel: 'silent',
    });
  });

  it(`keeps every acknowledged write and an intact database across ${KILLS} kills`, async () => {
    const acknowledged: string[] = [];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let run = 0; run < KILLS; run++) {
      // Every other kill counts from the start (landing during start-up or early writes), the rest from the first
      // acknowledged write, at a random moment up to 40 ms into the writing.
      const fromStart = run % 2 === 0;
      const delay = fromStart ? 20 + Math.floor(random() * 200) : Math.floor(random() * 40);
      acknowledged.push(...(await runAndKill(`run${run}`, delay, !fromStart)));
      const db = new Database(dbPath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = new Set((db.prepare('SELECT external_id FROM work_orders').pluck().all() as string[]));
        const lost = acknowledged.filter((id) => !stored.has(id));
        expect(lost, `after kill ${run + 1}`).toEqual([]);
        // The history is written in the same transactions: no acknowledged order is without its events.
        const orphans = db.prepare(
          "SELECT count(*) FROM work_orders w WHERE NOT EXISTS (SELECT 1 FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'created')",
        ).pluck().get();
        expect(orphans).toBe(0);
      } finally {
        db.close();
      }
    }
    // Most runs were killed mid-writing, not before their first write.
    expect(acknowledged.length).toBeGreaterThan(KILLS);
  }, 300_000);

  // SIGKILL leaves the killed writer's unsynced writes in the page cache, so the test above proves process-crash
  // durability only (README, "The local cache"). Surviving a power cut rests on this setting, checked here.
  it('writes work orders through a WAL connection with synchronous=FULL (fsync before each commit returns)', () => {
    const cache = new Cache(dbPath);
    try {
      expect(cache.workOrdersDb.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(cache.workOrdersDb.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      cache.close();
    }
  });
});
