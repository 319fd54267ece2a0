import type Database from 'better-sqlite3';

/**
 * What the team server publishes besides articles and templates (issue #12, point 5): coach rules (per language),
 * dispositions and Not Ready reasons (by code, locale ''). A retired one is kept with its last data, marked
 * retired: it is off the lists, but a call record or a state from before still finds its words.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE published_items (
      kind TEXT NOT NULL CHECK (kind IN ('coachRule', 'disposition', 'notReadyReason')),
      id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 100),
      locale TEXT NOT NULL DEFAULT '' CHECK (locale IN ('', 'zh-CN', 'zh-TW', 'th', 'en')),
      data TEXT NOT NULL CHECK (json_valid(data)),
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      seq INTEGER NOT NULL,
      PRIMARY KEY (kind, id, locale)
    ) WITHOUT ROWID;
  `);
}
