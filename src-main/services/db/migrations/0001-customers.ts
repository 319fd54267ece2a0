import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      tier TEXT NOT NULL DEFAULT 'standard' CHECK (tier IN ('standard', 'gold', 'vip')),
      preferred_language TEXT CHECK (preferred_language IN ('zh-CN', 'zh-TW', 'th', 'en')),
      notes TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE customer_phones (
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      e164 TEXT NOT NULL,
      PRIMARY KEY (customer_id, e164)
    ) STRICT;
    CREATE INDEX customer_phones_by_number ON customer_phones(e164);
  `);
}
