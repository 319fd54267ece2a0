import type { Pool } from 'pg';
import { businessComplaintTypes, commonComplaintTypes, DEFAULT_SLA_HOURS, suggestedWhyTags } from '../../../src-shared/workorders/complaint';

export interface HistoryPlan {
  /** Teams whose agents and leads take the calls (their members must exist). */
  teams: string[];
  calls: number;
  workOrders: number;
  /** Days of history, ending with `end` (default yesterday, in UTC). */
  days: number;
  end?: string;
}

const sqlList = (items: readonly string[]) => `ARRAY[${items.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * A period of synthetic history for report screens, benchmarks and the demo: calls, complaint work orders with
 * their events, follow-ups with CSAT and callbacks, and "article helped" marks, spread over the teams' agents and
 * leads, over business hours (8:00–20:00 in each team's zone, busiest mid-morning), every day of the period.
 * Written set-based by PostgreSQL (generate_series; nothing row by row through Node), with the row triggers off:
 * repeat-call links made by a window over the generated calls, rollups rebuilt once at the end. Rows carry feed
 * position 0: they are history, not changes for the desktops to pull. Deterministic for a given plan (setseed).
 */
export async function seedHistory(pool: Pool, plan: HistoryPlan): Promise<{ calls: number; workOrders: number; ms: number }> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE seed_agents AS
         SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS i, u.id, u.team_id, t.time_zone
           FROM users u JOIN teams t ON t.id = u.team_id
          WHERE t.name = ANY($1::text[]) AND u.role IN ('agent', 'lead') AND NOT u.disabled`,
      [plan.teams],
    );
    const agents = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM seed_agents');
    const n = agents.rows[0]!.n;
    if (n === 0) throw new Error(`no agents or leads on the teams ${plan.teams.join(', ')}: create them first`);
    const end = plan.end ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await client.query('SELECT setseed(0.13)');
    await client.query('BEGIN');
    // Row triggers off for the bulk load (repeat links, rollups, resolutions): each is made set-based below.
    await client.query('ALTER TABLE contacts DISABLE TRIGGER USER');
    await client.query('ALTER TABLE work_order_events DISABLE TRIGGER USER');
    // Time of day: 8:00 plus the larger of two uniform draws over 12 h, squeezed towards the morning peak.
    const timeOfDay = "interval '8 hours' + make_interval(secs => 43200 * power(random(), 1.6))";
    // Each inbound call's next inbound call of the same customer is found by a window over the generated rows, so
    // the links are written with the rows (updating millions of rows afterwards took longer than the inserts).
    await client.query(
      `INSERT INTO contacts (id, team_id, agent_id, started_at, direction, customer, queue, duration_s, hold_s, disposition, feed_seq, acw_s, answered,
                             next_inbound_at)
       SELECT gen_random_uuid(), team_id, agent_id, started_at, direction, jsonb_build_object('externalId', customer, 'name', NULL, 'number', NULL),
              queue, duration_s, hold_s, NULL, 0, acw_s, answered,
              CASE WHEN direction = 'inbound' THEN lead(started_at) OVER (PARTITION BY direction, customer ORDER BY started_at) END
         FROM (
           SELECT a.team_id, a.id AS agent_id, ((($2::date - r.day_back)::timestamp + r.tod) AT TIME ZONE a.time_zone) AS started_at,
                  CASE WHEN r.r1 < 0.9 THEN 'inbound' ELSE 'outbound' END AS direction,
                  'H' || floor(r.r2 * $3::int)::int AS customer,
                  (ARRAY['billing', 'delivery', 'general'])[1 + floor(r.r3 * 3)::int] AS queue,
                  CASE WHEN r.r4 < 0.94 THEN 60 + floor(r.r5 * 540)::int ELSE 0 END AS duration_s,
                  CASE WHEN r.r4 < 0.94 AND r.r3 < 0.3 THEN floor(r.r6 * 120)::int ELSE 0 END AS hold_s,
                  CASE WHEN r.r4 < 0.94 THEN 10 + floor(r.r6 * 80)::int ELSE 0 END AS acw_s,
                  r.r4 < 0.94 AS answered
             FROM (SELECT g, floor(random() * $4::int)::int AS day_back, ${timeOfDay} AS tod,
                          random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
                     FROM generate_series(0, $1::int - 1) g OFFSET 0) r
             JOIN seed_agents a ON a.i = r.g % $5::int
           OFFSET 0) calls`,
      // About three calls per customer over the period, so repeat calls (and first-call resolution) are realistic.
      [plan.calls, end, Math.max(1, Math.floor(plan.calls / 3)), plan.days, n],
    );
    const sla = `(CASE severity WHEN 'ordinary' THEN ${DEFAULT_SLA_HOURS.ordinary} WHEN 'difficult' THEN ${DEFAULT_SLA_HOURS.difficult} ELSE ${DEFAULT_SLA_HOURS.major} END)`;
    await client.query(
      `WITH made AS (
         SELECT gen_random_uuid() AS id, 'H-' || g AS display_id, a.team_id, a.id AS agent_id,
                ((($2::date - floor(random() * $3::int)::int)::timestamp + ${timeOfDay}) AT TIME ZONE a.time_zone) AS created_at,
                CASE WHEN r.s < 0.7 THEN 'ordinary' WHEN r.s < 0.92 THEN 'difficult' ELSE 'major' END AS severity,
                r.t, r.y, r.resolve, r.rated, r.csat, r.cb, r.q
           FROM (SELECT g, random() AS s, random() AS t, random() AS y, random() AS resolve, random() AS rated,
                        (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + floor(random() * 8)::int] AS csat, random() AS cb, random() AS q
                   FROM generate_series(0, $1::int - 1) g OFFSET 0) r
           JOIN seed_agents a ON a.i = (r.g * 7) % $4::int
       ),
       wo AS (
         INSERT INTO work_orders (id, display_id, team_id, customer, complaint_type, severity, status, route, queue, created_by, summary, details,
                                  created_at, updated_at, due_at, csat, feed_seq, first_resolved_at, call_queue)
         SELECT id, display_id, team_id, jsonb_build_object('externalId', NULL, 'name', NULL, 'number', NULL),
                (${sqlList([...commonComplaintTypes, ...businessComplaintTypes])})[1 + floor(t * ${commonComplaintTypes.length + businessComplaintTypes.length})::int],
                severity, CASE WHEN resolve < 0.9 THEN 'closed' ELSE 'open' END,
                CASE severity WHEN 'ordinary' THEN 'first-contact' WHEN 'difficult' THEN 'specialist' ELSE 'complaints-lead' END,
                CASE severity WHEN 'ordinary' THEN NULL WHEN 'difficult' THEN 'specialists' ELSE 'complaints-lead' END,
                agent_id, 'history', jsonb_build_object('whyTags', jsonb_build_array((${sqlList(suggestedWhyTags)})[1 + floor(y * ${suggestedWhyTags.length})::int])),
                created_at, created_at, created_at + make_interval(hours => ${sla}), CASE WHEN rated < 0.4 THEN csat END, 0,
                CASE WHEN resolve < 0.9 THEN created_at + make_interval(hours => ${sla}) * (resolve / 0.9) * 1.3 END,
                -- Filed on a call of one of the calls' queues (see above), or (one in ten) with no call.
                CASE WHEN q < 0.9 THEN (ARRAY['billing', 'delivery', 'general'])[1 + floor(q / 0.9 * 3)::int] END
           FROM made
         RETURNING id, team_id, created_at, due_at, first_resolved_at
       ),
       created AS (
         INSERT INTO work_order_events (work_order_id, team_id, at, kind, actor, data, feed_seq)
         SELECT id, team_id, created_at, 'created', 'history', '{}', 0 FROM wo
       ),
       resolved AS (
         INSERT INTO work_order_events (work_order_id, team_id, at, kind, actor, data, feed_seq)
         SELECT m.id, m.team_id, w.first_resolved_at, 'status', 'history',
                '{"status":"closed","from":"in_progress"}', 0
           FROM wo w JOIN made m ON m.id = w.id WHERE m.resolve < 0.9
       ),
       rated AS (
         INSERT INTO follow_ups (id, team_id, work_order_id, kind, owner_id, due_at, status, csat, done_at, feed_seq)
         SELECT gen_random_uuid(), m.team_id, m.id, 'follow-up', m.agent_id, m.created_at + interval '3 days', 'done', m.csat,
                m.created_at + interval '3 days' + make_interval(mins => floor(m.cb * 240)::int), 0
           FROM wo w JOIN made m ON m.id = w.id WHERE m.rated < 0.4
       )
       INSERT INTO follow_ups (id, team_id, work_order_id, kind, owner_id, number, due_at, window_end, status, done_at, feed_seq)
       SELECT gen_random_uuid(), m.team_id, m.id, 'callback', m.agent_id, '+8613800000000', m.created_at + interval '2 hours',
              m.created_at + interval '3 hours', 'done',
              -- Most kept within their hour; the rest made late (after the window): history leaves none pending, which
              -- would flood today's reminders with a year of callbacks.
              CASE WHEN m.cb < 0.12 THEN m.created_at + interval '2 hours' + make_interval(mins => floor(m.cb * 1000)::int)
                   ELSE m.created_at + interval '5 hours' + make_interval(mins => floor(m.cb * 1000)::int) END, 0
         FROM wo w JOIN made m ON m.id = w.id WHERE m.cb < 0.15`,
      [plan.workOrders, end, plan.days, n],
    );
    // "This article helped" marks: one for about every twentieth call.
    await client.query(
      `INSERT INTO kb_helped (id, article_id, user_id, team_id, helped, at)
       SELECT gen_random_uuid(), 'kb-' || floor(random() * 200)::int, a.id, a.team_id, random() < 0.8,
              ((($2::date - floor(random() * $3::int)::int)::timestamp + ${timeOfDay}) AT TIME ZONE a.time_zone)
         FROM generate_series(0, $1::int - 1) g JOIN seed_agents a ON a.i = g % $4::int`,
      [Math.floor(plan.calls / 20), end, plan.days, n],
    );
    await client.query('ALTER TABLE contacts ENABLE TRIGGER USER');
    await client.query('ALTER TABLE work_order_events ENABLE TRIGGER USER');
    await client.query('SELECT report_rollups_rebuild(id) FROM teams WHERE name = ANY($1::text[])', [plan.teams]);
    await client.query('COMMIT');
    await client.query('DROP TABLE seed_agents');
    // Fresh statistics for the planner, and the visibility map set so the covering indexes are read alone.
    await client.query('ANALYZE contacts; ANALYZE work_order_events');
    for (const table of ['work_orders', 'follow_ups', 'kb_helped', 'report_call_days', 'report_call_hours']) await client.query(`VACUUM (ANALYZE) ${table}`);
    return { calls: plan.calls, workOrders: plan.workOrders, ms: Date.now() - started };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
