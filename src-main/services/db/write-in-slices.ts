import { performance } from 'node:perf_hooks';
import type { Db } from './database';

/**
 * How long one bulk-write transaction may hold the write lock, and how long the lock is left free after it. A work
 * order filed meanwhile waits in SQLite's busy handler, which retries 1, 3, 8, 18, 33, 53, 78 and 103 ms after it
 * began, never more than 25 ms apart until then: a slice ending by then, even one overrunning tenfold on a busy
 * machine, is followed by a retry within GAP_MS, which finds the lock free; usually the work order is written
 * within a slice and a retry. Measured with test/responsiveness/filing-during-kb-import.test.ts (10,000 articles,
 * on a 2-core machine with other work running): with these, filings waited at most 36 ms and the import took 57–60
 * s; with a 15 ms gap the import took 41–51 s but a filing waited 162 ms once (a retry fell past the gap); before
 * slices (500 rows per transaction) the import took 16 s and a filing waited up to 3 s.
 */
export const SLICE_MS = 10;
export const GAP_MS = 25;
/**
 * While no other connection has committed for QUIET_MS (nobody is filing, syncing or pulling), a slice may hold
 * the lock for QUIET_SLICE_MS: a bulk write nobody is waiting on (a first knowledge-base import at night, the
 * benchmark) then spends 40 of every 65 ms writing instead of 10 of 35, about twice as fast. A work order filed
 * just then waits at most that slice, and the busy handler's next retry (53 or 78 ms after it began, under the
 * 100 ms an agent may wait); its commit makes the slices short again for the next QUIET_MS.
 */
export const QUIET_MS = 1000;
export const QUIET_SLICE_MS = 40;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `write` for every item in IMMEDIATE transactions of about SLICE_MS each (at least one item), with the
 * write lock left free for GAP_MS after each (so after the last too: calls in a row are spaced alike). Bulk work
 * only (imports, indexing): it blocks the calling thread, so it belongs in the import worker, never on the main
 * thread while the phone is in use.
 *
 * IMMEDIATE: the lock is taken, waiting its turn, before the first read, so a work order committed between a
 * transaction's reads and its writes cannot make it fail with "database is locked".
 */
export function writeInSlices<T>(db: Db, items: readonly T[], write: (item: T) => void): void {
  // Inside a caller's transaction the lock is the caller's to give back: slices would only be savepoints, and a
  // checkpoint is refused there.
  if (db.inTransaction) {
    items.forEach(write);
    return;
  }
  const slice = db.transaction((from: number, ms: number): number => {
    const started = performance.now();
    let next = from;
    do write(items[next++]!);
    while (next < items.length && performance.now() - started < ms);
    return next;
  });
  // data_version changes when another connection commits (never for this one's own). Short slices to begin with:
  // someone may have been writing just before.
  const othersWrote = () => db.pragma('data_version', { simple: true }) as number;
  let seen = othersWrote();
  let lastOtherWrite = performance.now();
  for (let next = 0; next < items.length; ) {
    next = slice.immediate(next, performance.now() - lastOtherWrite >= QUIET_MS ? QUIET_SLICE_MS : SLICE_MS);
    const gapStarted = performance.now();
    // The slice's pages go into the database file now, in the gap: otherwise the next commit past SQLite's
    // auto-checkpoint size does it, and that may be a work order's (its fsync would flush all of them too).
    db.pragma('wal_checkpoint(PASSIVE)');
    Atomics.wait(pause, 0, 0, Math.max(0, GAP_MS - (performance.now() - gapStarted)));
    const version = othersWrote();
    if (version !== seen) {
      seen = version;
      lastOtherWrite = performance.now();
    }
  }
}
