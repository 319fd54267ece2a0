import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../services/db/database';
import { LocalReports } from '../../../services/reports/local-reports';
import { callFiguresSql } from '../../../services/reports/report-queries';
import { fill } from './reports-local';

/**
 * The bench's cache (calls inserted at random times, so the triggers see them out of order), with a share of the
 * calls linked to customer rows afterwards: first-call resolution read from `next_inbound_at` must give exactly
 * what the search for a later call gave before desktop migration 0010 (the statement as it was, kept here).
 */
const ROLLUP = 'coalesce(c.next_inbound_at < p.repeat_end, 0) AS repeated';
const SEEK = `CASE WHEN c.customer_id IS NOT NULL THEN EXISTS (
      SELECT 1 FROM contacts n WHERE n.customer_id = c.customer_id AND n.started_at > c.started_at AND n.started_at < p.repeat_end
        AND n.direction = 'inbound')
    ELSE EXISTS (
      SELECT 1 FROM contacts n WHERE n.number = c.number AND n.started_at > c.started_at AND n.started_at < p.repeat_end
        AND n.direction = 'inbound')
  END AS repeated`;

let db: Db | undefined;
afterEach(() => db?.close());

describe('bench cache: first-call resolution from the rollup equals the search for a later call', () => {
  it('for every agent, over a month and a quarter, with windows of 1, 7 and 30 days', () => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'bench-fcr-')), 'cache.sqlite'));
    // 20,000 calls from 1,000 numbers: a caller calls about every 18 days.
    fill(db, 20_000, 0, 1_000);
    // A third of the callers get a customer row, linked to some of their calls only (the rest stay number-only).
    db.exec(`
      INSERT INTO customers (id, external_id, name, updated_at)
        SELECT DISTINCT cast(substr(number, 6) AS INTEGER) + 1, number, 'Caller', 0 FROM contacts WHERE cast(substr(number, 6) AS INTEGER) % 3 = 0;
      UPDATE contacts SET customer_id = cast(substr(number, 6) AS INTEGER) + 1 WHERE cast(substr(number, 6) AS INTEGER) % 3 = 0 AND id % 2 = 0;`);
    const rollup = db.prepare<{ pieces: string; me: string }, unknown>(callFiguresSql(['total', 'day', 'queue']));
    const seek = db.prepare<{ pieces: string; me: string }, unknown>(callFiguresSql(['total', 'day', 'queue']).replace(ROLLUP, SEEK));
    const reports = new LocalReports({ db, me: () => ({ names: [], display: '' }), settings: () => ({ timeZone: 'Asia/Shanghai', targets: {} }) });
    let kept = 0;
    let missed = 0;
    for (const [from, to] of [['2025-03-01', '2025-03-31'], ['2025-07-01', '2025-09-30']] as const) {
      for (const window of [1, 7, 30]) {
        // The pieces exactly as the report makes them (site days, DST-safe), through its private helper.
        const pieces = reports['pieces']('Asia/Shanghai', { from, to }, window);
        for (let agent = 0; agent < 200; agent += 7) {
          const params = { pieces, me: JSON.stringify([`a${agent}`]) };
          const byRollup = rollup.all(params) as { grp: string; fcr_base: number; fcr_kept: number }[];
          expect(byRollup).toEqual(seek.all(params));
          const total = byRollup.find((row) => row.grp === 'total')!;
          kept += total.fcr_kept;
          missed += total.fcr_base - total.fcr_kept;
        }
      }
    }
    // The comparison means something: both kinds of call are there in numbers.
    expect(kept).toBeGreaterThan(300);
    expect(missed).toBeGreaterThan(300);
  });
});
