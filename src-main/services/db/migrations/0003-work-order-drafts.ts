import type Database from 'better-sqlite3';

/** The work-order form saved as the agent types (one draft per agent), and the list's status filter index. */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE work_order_drafts (
      agent TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX work_orders_by_status ON work_orders(status, due_at);
  `);
}
