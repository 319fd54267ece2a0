import type Database from 'better-sqlite3';

/**
 * "My day" counts the callbacks due in a period that are hers (issue #13). A cache pulled from the team server
 * holds the whole floor's callbacks, and follow_ups_by_due (kind, due_at) made a year of hers a read of every
 * agent's year (60,000 rows at the bench's scale, for 300 of hers). This index finds hers by owner, and holds what
 * the report reads of each, so it never visits the table.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE INDEX follow_ups_by_owner ON follow_ups(kind, owner, due_at, status, done_at, window_end);
  `);
}
