import type Database from 'better-sqlite3';

/**
 * What the reports need on each call (issue #13): after-call work seconds, and whether the call was answered (a
 * call that rang and was not answered is offered, not handled). Calls this app recorded before (external id
 * "call:…") with no talk time were the unanswered ones (an answered call shorter than half a second is not worth
 * the doubt); imported history keeps the default, answered. The indexes serve the report
 * queries: an agent's calls in a period, her work orders, callbacks by due time, helped marks by time.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE contacts ADD COLUMN acw_s INTEGER NOT NULL DEFAULT 0 CHECK (acw_s >= 0);
    ALTER TABLE contacts ADD COLUMN answered INTEGER NOT NULL DEFAULT 1 CHECK (answered IN (0, 1));
    UPDATE contacts SET answered = 0 WHERE duration_s = 0 AND external_id LIKE 'call:%';
    CREATE INDEX contacts_by_agent ON contacts(agent, started_at);
    CREATE INDEX work_orders_by_creator ON work_orders(created_by, created_at);
    CREATE INDEX follow_ups_by_due ON follow_ups(kind, due_at);
    CREATE INDEX follow_ups_by_order ON follow_ups(work_order_id);
    CREATE INDEX kb_feedback_by_at ON kb_feedback(at);
  `);
}
