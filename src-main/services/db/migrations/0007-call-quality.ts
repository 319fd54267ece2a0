import type Database from 'better-sqlite3';

/**
 * Call quality on every call record (issue #14): the summary the agent's window measured over the call. NULL on
 * calls from before, calls with no audio measured, and imported history.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE contacts ADD COLUMN quality_avg_mos REAL CHECK (quality_avg_mos BETWEEN 1 AND 4.5);
    ALTER TABLE contacts ADD COLUMN quality_worst_mos REAL CHECK (quality_worst_mos BETWEEN 1 AND 4.5);
    ALTER TABLE contacts ADD COLUMN quality_worst_jitter_ms REAL CHECK (quality_worst_jitter_ms >= 0);
    ALTER TABLE contacts ADD COLUMN quality_worst_loss_pct REAL CHECK (quality_worst_loss_pct BETWEEN 0 AND 100);
    ALTER TABLE contacts ADD COLUMN quality_warning_s INTEGER CHECK (quality_warning_s >= 0);
    ALTER TABLE contacts ADD COLUMN quality_one_way INTEGER CHECK (quality_one_way IN (0, 1));
  `);
}
