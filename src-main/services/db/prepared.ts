import type Database from 'better-sqlite3';
import type { Db } from './database';

const byDb = new WeakMap<Db, Map<string, Database.Statement<unknown[], unknown>>>();

/**
 * The statement for `sql` on this connection, prepared once and kept with it (SQLite re-prepares it by itself
 * after a schema change). For hot paths that run the same few statements over and over, such as applying a team's
 * changes: preparing them again on each call was the desktop's busiest work while a floor reconnected.
 */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let statements = byDb.get(db);
  if (!statements) byDb.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
  return statement as unknown as Database.Statement<P, R>;
}
