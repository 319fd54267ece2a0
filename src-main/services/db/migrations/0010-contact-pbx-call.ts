import type Database from 'better-sqlite3';

/**
 * The PBX's SIP Call-ID of each call this app records from now on: the team server files the call's recording
 * under it, so the "Recording" links find the call's own recording instead of guessing by number and time.
 * Rows from before (and imported history) keep NULL and are still matched by number and time.
 */
export function up(db: Database.Database): void {
  db.exec('ALTER TABLE contacts ADD COLUMN pbx_call_id TEXT CHECK (pbx_call_id IS NULL OR length(pbx_call_id) <= 256)');
}
