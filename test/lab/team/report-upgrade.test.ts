import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-server/db/migrate';
import { migrations } from '../../../src-server/db/migrations';
import { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';

// A team server upgraded to the reports: its calls from before must count for first-call resolution as new ones do.
const customer = JSON.stringify({ externalId: 'CUST-9', name: null, number: '+8613800000009' });
let server: LabPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  server = new LabPostgres();
  await server.start();
  pool = new pg.Pool({ connectionString: server.url, max: 2 });
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

describe('upgrading a team server with calls to the reports (migration 0009)', () => {
  it("links the calls it already holds to their customer's next call, and its rollups count them", async () => {
    // The server as it was before the reports: the migrations up to 0008, as an older version ran them.
    const before = migrations.findIndex((m) => m.name.startsWith('0009'));
    await pool.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    for (const m of migrations.slice(0, before)) await pool.query(`${m.sql}; INSERT INTO schema_migrations (name) VALUES ('${m.name}')`);
    await pool.query("INSERT INTO teams (name) VALUES ('north')");
    await pool.query("INSERT INTO users (username, role, team_id, password_hash) VALUES ('a1', 'agent', 1, 'x')");
    // Three inbound calls of one customer: day 1, day 4 (a repeat within 7 days), day 20 (not a repeat of day 4).
    const days = ['2026-05-01T08:00:00Z', '2026-05-04T08:00:00Z', '2026-05-20T08:00:00Z'];
    for (const [i, at] of days.entries()) {
      await pool.query(
        `INSERT INTO contacts (id, team_id, agent_id, started_at, direction, customer, queue, duration_s, hold_s, disposition, feed_seq)
         VALUES (gen_random_uuid(), 1, 1, $1, 'inbound', $2, 'general', 60, 0, NULL, $3)`,
        [at, customer, i + 1],
      );
    }
    await migrate(pool);
    const linked = (await pool.query<{ at: Date; next: Date | null }>('SELECT started_at AS at, next_inbound_at AS next FROM contacts ORDER BY started_at')).rows;
    expect(linked.map((r) => r.next?.toISOString() ?? null)).toEqual([new Date(days[1]!).toISOString(), new Date(days[2]!).toISOString(), null]);
    // The rollups the reports read: three calls with a known customer, one of them repeated within 7 days.
    const rolled = await pool.query<{ known: string; repeats: string }>('SELECT sum(fcr_known) AS known, sum(repeat_within[7]) AS repeats FROM report_call_days');
    expect(rolled.rows[0]).toEqual({ known: '3', repeats: '1' });
  }, 60_000);
});
