import { openDatabase, type Db } from '../db/database';

/**
 * The reports' own read-only connection to the cache: a report reads a year of one agent's calls and, for each, the
 * index of every caller's calls, so it gets a larger page cache (64 MiB) and memory-mapped reads than the
 * connections that serve the phone; WAL lets it read while they write. Open it after the cache (which migrates).
 */
export function openReportConnection(path: string): Db {
  const db = openDatabase(path, { readonly: true });
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  return db;
}
