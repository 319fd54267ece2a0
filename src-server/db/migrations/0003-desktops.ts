/** What each desktop last said about itself: changes still waiting in its outbox, and when it said so. */
export const sql = `
  ALTER TABLE sync_clients ADD COLUMN waiting integer NOT NULL DEFAULT 0 CHECK (waiting >= 0);
  ALTER TABLE sync_clients ADD COLUMN reported_at timestamptz;
`;
