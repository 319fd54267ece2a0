import type Database from 'better-sqlite3';

/**
 * Whose each outbox entry is, and under which desktop identity it goes to the server. owner is the team
 * server and user name the desktop was signed in as (or configured for) when the change was made: another user
 * signing in on this computer never pushes it. client_id and client_seq are given when the entry is first sent:
 * the server's sequence is per client id, so each identity's numbers run 1, 2, 3… with no gaps, however the
 * users' changes interleave in the outbox. Entries from before this migration take their owner at the next start.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE outbox ADD COLUMN owner TEXT;
    ALTER TABLE outbox ADD COLUMN client_id TEXT;
    ALTER TABLE outbox ADD COLUMN client_seq INTEGER;
    CREATE INDEX outbox_by_owner ON outbox(owner, seq);
    CREATE UNIQUE INDEX outbox_by_client_seq ON outbox(client_id, client_seq) WHERE client_id IS NOT NULL;
  `);
}
