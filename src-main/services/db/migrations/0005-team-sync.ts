import type Database from 'better-sqlite3';

/**
 * Sync with the team server: ids every desktop agrees on (UUIDs), the server's version of each shared row, the
 * team fields (queue, assignee, owner), an outbox whose sequence never goes back, and the list of changes the
 * server would not apply as they were ("needs your decision").
 */
export function up(db: Database.Database): void {
  db.exec(`
    DROP TABLE outbox;
    -- One row per change the team must see, written in the transaction of the change itself. seq is the
    -- desktop's order (AUTOINCREMENT: never reused, even after the newest row is deleted); a row is deleted only
    -- once the server acknowledged it.
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      key TEXT NOT NULL UNIQUE,
      -- The shared row it changes (a work order's or follow-up's uuid): pulled rows do not overwrite local
      -- changes still on their way.
      record TEXT NOT NULL,
      mutation TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;
    CREATE INDEX outbox_by_record ON outbox(record);

    CREATE TABLE sync_decisions (
      id INTEGER PRIMARY KEY,
      outcome TEXT NOT NULL CHECK (outcome IN ('conflict', 'rejected')),
      mutation TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      server_version TEXT,
      at INTEGER NOT NULL,
      decided_at INTEGER
    ) STRICT;

    ALTER TABLE work_orders ADD COLUMN uuid TEXT;
    ALTER TABLE work_orders ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE work_orders ADD COLUMN queue TEXT;
    ALTER TABLE work_orders ADD COLUMN assignee TEXT;
    ALTER TABLE work_orders ADD COLUMN created_by TEXT;
    CREATE UNIQUE INDEX work_orders_by_uuid ON work_orders(uuid);
    CREATE INDEX work_orders_by_queue ON work_orders(queue, due_at) WHERE status IN ('open', 'in_progress');

    ALTER TABLE work_order_events ADD COLUMN server_id INTEGER;
    CREATE UNIQUE INDEX work_order_events_by_server_id ON work_order_events(server_id);

    ALTER TABLE follow_ups ADD COLUMN uuid TEXT;
    ALTER TABLE follow_ups ADD COLUMN owner TEXT;
    ALTER TABLE follow_ups ADD COLUMN queue TEXT NOT NULL DEFAULT 'owner' CHECK (queue IN ('owner', 'team'));
    CREATE UNIQUE INDEX follow_ups_by_uuid ON follow_ups(uuid);

    ALTER TABLE contacts ADD COLUMN uuid TEXT;
    CREATE UNIQUE INDEX contacts_by_uuid ON contacts(uuid);
  `);
}
