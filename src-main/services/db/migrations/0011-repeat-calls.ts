import type Database from 'better-sqlite3';

/**
 * First-call resolution as a rollup (issue #13): each inbound call keeps the time of its caller's next inbound
 * call (`next_inbound_at`), so "My day" compares one column with the end of the repeat window instead of seeking a
 * later call for every call of the period. The caller is who the report matches on: her customer row, else her
 * number; a call with no customer row is repeated by any later call from that number (linked to a customer or
 * not), a call with a customer row only by that customer's calls. A withheld number with no customer has none.
 *
 * SQLite triggers keep it, because rows arrive in any order (pulled from the team server, imported, linked to a
 * customer later). A call entering or leaving a caller's chain (insert, delete, a change of customer, number,
 * start or direction) can only change the calls just before it in that chain: those at the latest start before it
 * (every earlier one already points at that start or sooner). So each trigger recomputes those few rows and the
 * row itself, each with an index seek; no trigger walks a caller's whole history.
 *
 * The index by agent is rebuilt to hold every column "My day" reads of a call (next_inbound_at included), so a
 * period of her calls is read from the index in order, without a table page per call.
 */

/** The next inbound call of the caller of the `contacts` row being written, by the indexes on customer and number. */
const NEXT_INBOUND = `CASE
    WHEN contacts.direction <> 'inbound' THEN NULL
    WHEN contacts.customer_id IS NOT NULL THEN (SELECT min(n.started_at) FROM contacts n
      WHERE n.customer_id = contacts.customer_id AND n.direction = 'inbound' AND n.started_at > contacts.started_at)
    WHEN contacts.number <> '' THEN (SELECT min(n.started_at) FROM contacts n
      WHERE n.number = contacts.number AND n.direction = 'inbound' AND n.started_at > contacts.started_at)
  END`;

/** The calls whose next inbound call may change when call `row` (NEW or OLD) joins or leaves its caller's chains. */
export const refreshBefore = (row: 'NEW' | 'OLD') => `
    UPDATE contacts SET next_inbound_at = ${NEXT_INBOUND}
    WHERE ${row}.direction = 'inbound' AND ${row}.customer_id IS NOT NULL
      AND customer_id = ${row}.customer_id AND direction = 'inbound'
      AND started_at = (SELECT max(p.started_at) FROM contacts p
        WHERE p.customer_id = ${row}.customer_id AND p.direction = 'inbound' AND p.started_at < ${row}.started_at);
    UPDATE contacts SET next_inbound_at = ${NEXT_INBOUND}
    WHERE ${row}.direction = 'inbound' AND ${row}.number <> ''
      AND customer_id IS NULL AND number = ${row}.number AND direction = 'inbound'
      AND started_at = (SELECT max(p.started_at) FROM contacts p
        WHERE p.number = ${row}.number AND p.direction = 'inbound' AND p.started_at < ${row}.started_at);`;

const refreshSelf = `
    UPDATE contacts SET next_inbound_at = ${NEXT_INBOUND} WHERE id = NEW.id;`;

/**
 * Every inbound call's next one, set-based (a lead over each caller's distinct start times, so two calls at the
 * same instant are not each other's repeat): for the calls cached before this migration.
 */
export const BACKFILL = `
  UPDATE contacts SET next_inbound_at = NULL WHERE next_inbound_at IS NOT NULL;
  WITH chain AS (
    SELECT customer_id, started_at, lead(started_at) OVER (PARTITION BY customer_id ORDER BY started_at) AS next_at
    FROM (SELECT DISTINCT customer_id, started_at FROM contacts WHERE direction = 'inbound' AND customer_id IS NOT NULL)
  )
  UPDATE contacts SET next_inbound_at = chain.next_at FROM chain
  WHERE contacts.customer_id = chain.customer_id AND contacts.started_at = chain.started_at
    AND contacts.direction = 'inbound' AND chain.next_at IS NOT NULL;
  WITH chain AS (
    SELECT number, started_at, lead(started_at) OVER (PARTITION BY number ORDER BY started_at) AS next_at
    FROM (SELECT DISTINCT number, started_at FROM contacts WHERE direction = 'inbound' AND number <> '')
  )
  UPDATE contacts SET next_inbound_at = chain.next_at FROM chain
  WHERE contacts.number = chain.number AND contacts.started_at = chain.started_at
    AND contacts.customer_id IS NULL AND contacts.direction = 'inbound' AND chain.next_at IS NOT NULL;`;

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE contacts ADD COLUMN next_inbound_at INTEGER;
    ${BACKFILL}
    -- "My day" reads an agent's calls of a period: this index holds every column it reads, so a year of them is
    -- read from the index in order instead of one table page per call.
    DROP INDEX contacts_by_agent;
    CREATE INDEX contacts_by_agent ON contacts(agent, started_at, direction, answered, duration_s, acw_s, hold_s, queue, customer_id, number, next_inbound_at);

    CREATE TRIGGER contacts_next_inbound_on_insert AFTER INSERT ON contacts BEGIN
      ${refreshBefore('NEW')}
      ${refreshSelf}
    END;
    CREATE TRIGGER contacts_next_inbound_on_delete AFTER DELETE ON contacts BEGIN
      ${refreshBefore('OLD')}
    END;
    -- An upsert sets every column: only a real change of who called, when or which way moves the chains.
    CREATE TRIGGER contacts_next_inbound_on_change AFTER UPDATE OF customer_id, number, started_at, direction ON contacts
    WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.number IS NOT NEW.number
      OR OLD.started_at IS NOT NEW.started_at OR OLD.direction IS NOT NEW.direction
    BEGIN
      ${refreshBefore('OLD')}
      ${refreshBefore('NEW')}
      ${refreshSelf}
    END;
  `);
}
