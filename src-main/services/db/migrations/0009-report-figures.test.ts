import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migration 0009: answered and after-call work on call records', () => {
  it('calls this app recorded with no talk time were the unanswered ones; imported history stays answered', () => {
    const db = new Database(':memory:');
    const at = migrations.findIndex((m) => m.name === '0009-report-figures');
    for (const m of migrations.slice(0, at)) m.up(db);
    const insert = db.prepare("INSERT INTO contacts (external_id, started_at, direction, duration_s) VALUES (?, 0, 'inbound', ?)");
    insert.run('call:rang-out', 0);
    insert.run('call:talked', 95);
    insert.run('import:row-7', 0);
    migrations[at]!.up(db);
    expect(db.prepare('SELECT external_id, answered, acw_s FROM contacts ORDER BY id').all()).toEqual([
      { external_id: 'call:rang-out', answered: 0, acw_s: 0 },
      { external_id: 'call:talked', answered: 1, acw_s: 0 },
      { external_id: 'import:row-7', answered: 1, acw_s: 0 },
    ]);
    db.close();
  });
});
