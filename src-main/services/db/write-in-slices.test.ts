import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { GAP_MS, SLICE_MS, writeInSlices } from './write-in-slices';

function setup() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'slices-')), 'cache.sqlite'));
  db.exec('CREATE TABLE item (n INTEGER NOT NULL)');
  return { db, insert: db.prepare<[number]>('INSERT INTO item (n) VALUES (?)') };
}

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

  it('inside a caller’s transaction writes everything within it (no checkpoint there, which SQLite refuses)', () => {
    const { db, insert } = setup();
    db.transaction(() => writeInSlices(db, [1, 2, 3], (n) => insert.run(n)))();
    expect(db.prepare('SELECT count(*) FROM item').pluck().get()).toBe(3);
    db.close();
  });
});
