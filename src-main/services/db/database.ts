import Database from 'better-sqlite3';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** FULL for tables whose acknowledged writes must survive a power cut (work orders); NORMAL elsewhere. */
  synchronous?: 'FULL' | 'NORMAL';
  readonly?: boolean;
}

/**
 * Open the local cache with every pragma set explicitly (better-sqlite3's defaults differ between the first
 * and later connections) and bring its schema up to date in one transaction.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new Error(
      `This database was written by a newer version of Agent Desktop (schema ${current}, this version knows ${latest}). Update the app; the database was not changed.`,
    );
  }
  if (current === latest) return;
  db.transaction(() => {
    for (const migration of migrations.slice(current)) migration.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
