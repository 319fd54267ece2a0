import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { Worker } from 'node:worker_threads';
import { GAP_MS, QUIET_MS, QUIET_SLICE_MS, SLICE_MS, writeInSlices } from './write-in-slices';

function setup() {
  const path = join(mkdtempSync(join(tmpdir(), 'slices-')), 'cache.sqlite');
  const db = openDatabase(path);
  db.exec('CREATE TABLE item (n INTEGER NOT NULL)');
  return { db, path, insert: db.prepare<[number]>('INSERT INTO item (n) VALUES (?)') };
}

/** How long each slice held the lock: items of 2 ms each, a pause of GAP_MS or more between slices. */
function sliceLengths(db: ReturnType<typeof setup>['db'], insert: ReturnType<typeof setup>['insert'], items: number): number[] {
  const startedAt: number[] = [];
  writeInSlices(db, Array.from({ length: items }, (_, i) => i), (n) => {
    startedAt.push(performance.now());
    insert.run(n);
    while (performance.now() - startedAt.at(-1)! < 2);
  });
  const lengths: number[] = [];
  let sliceStart = startedAt[0]!;
  for (let i = 1; i <= startedAt.length; i++) {
    if (i === startedAt.length || startedAt[i]! - startedAt[i - 1]! >= GAP_MS) {
      lengths.push(startedAt[i - 1]! + 2 - sliceStart);
      sliceStart = startedAt[i]!;
    }
  }
  return lengths;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('writeInSlices on a real SQLite file', () => {
  it('writes every item in short transactions with the lock left free between them', () => {
    const { db, insert } = setup();
    const startedAt: number[] = [];
    writeInSlices(db, Array.from({ length: 40 }, (_, i) => i), (n) => {
      startedAt.push(performance.now());
      insert.run(n);
      // Each item holds the lock for 2 ms.
      while (performance.now() - startedAt.at(-1)! < 2);
    });
    expect(db.prepare('SELECT count(*) FROM item').pluck().get()).toBe(40);
    // 80 ms of writing: several slices of about SLICE_MS, each followed by a pause of GAP_MS.
    const pauses = startedAt.slice(1).filter((t, i) => t - startedAt[i]! >= GAP_MS);
    expect(pauses.length).toBeGreaterThanOrEqual(Math.floor(80 / (SLICE_MS + 4)) - 1);
    db.close();
  });

  it(`holds the lock longer (about ${QUIET_SLICE_MS} ms) once nobody else has written for ${QUIET_MS} ms`, () => {
    const { db, insert } = setup();
    // 3 s of writing: the first second in short slices, then long ones.
    const lengths = sliceLengths(db, insert, 1500);
    const firstSecond = Math.floor(QUIET_MS / (SLICE_MS + GAP_MS)) - 2;
    expect(median(lengths.slice(0, firstSecond))).toBeLessThan(SLICE_MS + 6);
    expect(median(lengths.slice(-10, -1))).toBeGreaterThanOrEqual(QUIET_SLICE_MS - 2);
    db.close();
  }, 30_000);

  it('keeps slices short while another connection writes (a work order filed every 50 ms)', async () => {
    const { db, path, insert } = setup();
    db.exec('CREATE TABLE filed (n INTEGER NOT NULL)');
    // Another thread, as the main thread files while the import worker writes.
    const filer = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const db = new (require('better-sqlite3'))(workerData, { timeout: 5000 });
       const timer = setInterval(() => db.prepare('INSERT INTO filed (n) VALUES (1)').run(), 50);
       parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
       parentPort.postMessage('filing');`,
      { eval: true, workerData: path },
    );
    await new Promise((resolve) => filer.once('message', resolve));
    const lengths = sliceLengths(db, insert, 1500);
    filer.postMessage('stop');
    await new Promise((resolve) => filer.once('exit', resolve));
    expect(median(lengths.slice(-30, -1))).toBeLessThan(SLICE_MS + 6);
    expect(db.prepare('SELECT count(*) FROM filed').pluck().get()).toBeGreaterThan(20);
    db.close();
  }, 30_000);

  it('inside a caller’s transaction writes everything within it (no checkpoint there, which SQLite refuses)', () => {
    const { db, insert } = setup();
    db.transaction(() => writeInSlices(db, [1, 2, 3], (n) => insert.run(n)))();
    expect(db.prepare('SELECT count(*) FROM item').pluck().get()).toBe(3);
    db.close();
  });
});
