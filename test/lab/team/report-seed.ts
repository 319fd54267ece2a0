import type pg from 'pg';
import type { Seed, SeedCall, SeedWorkOrder } from './report-oracle';

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const H = 3_600_000;
export const MOVED_AT = Date.parse('2026-04-04T00:00:00Z');

/**
 * Five weeks of a two-team floor around the DST change of 29 March 2026 (Europe/Berlin), with the edge cases the
 * reports must get right written out by hand for the agent "edge" (see the test), and random rows for everyone.
 * "mover" works for north until MOVED_AT, then for south.
 */
export function makeSeed(): Seed {
  const r = random(2026);
  const pickOne = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const start = Date.parse('2026-03-10T00:00:00Z');
  const span = Date.parse('2026-04-14T00:00:00Z') - start;
  const northAgents = ['a1', 'a2', 'lead1'];
  const teamOf = (agent: string, at: number) => (agent === 'mover' ? (at < MOVED_AT ? 'north' : 'south') : ['a3', 'lead2'].includes(agent) ? 'south' : 'north');
  const everyone = [...northAgents, 'a3', 'lead2', 'mover'];
  const calls: SeedCall[] = Array.from({ length: 420 }, () => {
    const agent = pickOne(everyone);
    const at = start + Math.floor(r() * span);
    const answered = r() < 0.9;
    return {
      team: teamOf(agent, at), agent, at, inbound: r() < 0.85, answered,
      customer: r() < 0.9 ? `K${Math.floor(r() * 60)}` : null, queue: pickOne(['billing', 'delivery', 'general']),
      durationS: answered ? 30 + Math.floor(r() * 600) : 0, holdS: answered && r() < 0.3 ? Math.floor(r() * 90) : 0, acwS: answered ? Math.floor(r() * 120) : 0,
    };
  });
  const edge = (at: string, customer: string | null, extra: Partial<SeedCall> = {}): SeedCall => ({
    team: 'north', agent: 'edge', at: Date.parse(at), inbound: true, answered: true, customer, queue: 'billing', durationS: 300, holdS: 20, acwS: 40, ...extra,
  });
  calls.push(
    // Called back on day 7 (a repeat: the first call was not resolved) and on day 8 (not a repeat).
    edge('2026-04-01T08:00:00Z', 'EDGE-K1'), edge('2026-04-08T07:00:00Z', 'EDGE-K1'),
    edge('2026-04-01T08:30:00Z', 'EDGE-K2'), edge('2026-04-09T07:00:00Z', 'EDGE-K2'),
    // 23:50 local, 20 minutes long: counts on the day it began.
    edge('2026-04-02T21:50:00Z', null, { durationS: 1200 }),
    // Half past midnight local on the DST day (CET, UTC+1) and the day after (CEST, UTC+2): both are local days after the UTC one.
    edge('2026-03-28T23:30:00Z', null), edge('2026-03-29T22:30:00Z', null),
  );
  const workOrders: SeedWorkOrder[] = Array.from({ length: 70 }, (_, i) => {
    const agent = pickOne(everyone);
    const at = start + Math.floor(r() * span);
    const route = pickOne(['first-contact', 'first-contact', 'specialist', 'complaints-lead'] as const);
    const dueAt = at + (route === 'first-contact' ? 24 : 8) * H;
    const resolvedAt = r() < 0.8 ? at + Math.floor(r() * 30 * H) : null;
    const scores = r() < 0.5 ? [{ csat: 1 + Math.floor(r() * 5), at: at + 72 * H }] : [];
    if (scores.length && scores[0]!.csat <= 2 && r() < 0.5) scores.push({ csat: 4, at: at + 120 * H });
    return {
      displayId: `WO-${i}`, team: teamOf(agent, at), agent, at, route, type: pickOne(['billing', 'long-wait', 'delivery']),
      why: r() < 0.3 ? ['late-by-shipper', 'training-gap'] : [pickOne(['late-by-shipper', 'system-outage'])],
      dueAt, resolvedAt, followUps: scores, ownCsat: !scores.length && r() < 0.2 ? 5 : null,
      // By position, not by r(): the rest of the seed stays what it was. One in four filed with no call.
      queue: (['billing', 'delivery', 'general', null] as const)[i % 4]!,
    };
  });
  // Filed in the period, rated low ten days after it ended: counts for the period, and is still to follow up.
  workOrders.push({
    displayId: 'WO-EDGE', team: 'north', agent: 'edge', at: Date.parse('2026-04-05T08:00:00Z'), route: 'specialist', type: 'billing', why: ['policy-gap'],
    dueAt: Date.parse('2026-04-05T16:00:00Z'), resolvedAt: Date.parse('2026-04-05T12:00:00Z'), followUps: [{ csat: 2, at: Date.parse('2026-04-20T09:00:00Z') }], ownCsat: null,
    queue: 'billing',
  });
  const callbacks = Array.from({ length: 30 }, () => {
    const agent = pickOne(everyone);
    const dueAt = start + Math.floor(r() * span);
    const windowEnd = r() < 0.5 ? dueAt + H : null;
    const doneAt = r() < 0.7 ? dueAt + Math.floor((r() - 0.3) * 2 * H) : null;
    return { team: teamOf(agent, dueAt), agent, dueAt, windowEnd, doneAt };
  });
  const marks = Array.from({ length: 50 }, () => {
    const agent = pickOne(everyone);
    const at = start + Math.floor(r() * span);
    return { team: teamOf(agent, at), agent, at, helped: r() < 0.7 };
  });
  return { calls, workOrders, callbacks, marks };
}

/** Writes the seed straight into PostgreSQL (history, as the desktops would have pushed it), calls in shuffled order. */
export async function writeSeed(db: pg.Pool, seed: Seed): Promise<void> {
  const ids = new Map((await db.query<{ username: string; id: number }>('SELECT username, id FROM users')).rows.map((u) => [u.username, u.id]));
  const teams = new Map((await db.query<{ name: string; id: number }>('SELECT name, id FROM teams')).rows.map((t) => [t.name, t.id]));
  const shuffle = random(7);
  const calls = [...seed.calls].sort(() => shuffle() - 0.5);
  for (const c of calls) {
    await db.query(
      `INSERT INTO contacts (id, team_id, agent_id, started_at, direction, customer, queue, duration_s, hold_s, disposition, feed_seq, acw_s, answered)
       VALUES (gen_random_uuid(), $1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7, $8, NULL, 0, $9, $10)`,
      [teams.get(c.team), ids.get(c.agent), c.at, c.inbound ? 'inbound' : 'outbound', JSON.stringify({ externalId: c.customer, name: null, number: null }), c.queue,
        c.durationS, c.holdS, c.acwS, c.answered],
    );
  }
  for (const w of seed.workOrders) {
    const id = (await db.query<{ id: string }>('SELECT gen_random_uuid() AS id')).rows[0]!.id;
    const severity = w.route === 'first-contact' ? 'ordinary' : w.route === 'specialist' ? 'difficult' : 'major';
    const csat = w.followUps.at(-1)?.csat ?? w.ownCsat;
    await db.query(
      `INSERT INTO work_orders (id, display_id, team_id, customer, complaint_type, severity, status, route, queue, created_by, summary, details, created_at, updated_at, due_at, csat, feed_seq, call_queue)
       VALUES ($1, $2, $3, '{"externalId":null,"name":null,"number":null}', $4, $5, $6, $7, NULL, $8, 'seed', $9, to_timestamp($10 / 1000.0), to_timestamp($10 / 1000.0), to_timestamp($11 / 1000.0), $12, 0, $13)`,
      [id, w.displayId, teams.get(w.team), w.type, severity, w.resolvedAt ? 'resolved' : 'open', w.route, ids.get(w.agent), JSON.stringify({ whyTags: w.why }), w.at, w.dueAt, csat, w.queue],
    );
    await db.query("INSERT INTO work_order_events (work_order_id, team_id, at, kind, actor, data, feed_seq) VALUES ($1, $2, to_timestamp($3 / 1000.0), 'created', $4, '{}', 0)", [id, teams.get(w.team), w.at, w.agent]);
    if (w.resolvedAt) {
      await db.query(`INSERT INTO work_order_events (work_order_id, team_id, at, kind, actor, data, feed_seq) VALUES ($1, $2, to_timestamp($3 / 1000.0), 'status', $4, '{"status":"resolved","from":"open"}', 0)`,
        [id, teams.get(w.team), w.resolvedAt, w.agent]);
    }
    for (const s of w.followUps) {
      await db.query(
        `INSERT INTO follow_ups (id, team_id, work_order_id, kind, owner_id, due_at, status, csat, done_at, feed_seq)
         VALUES (gen_random_uuid(), $1, $2, 'follow-up', $3, to_timestamp($4 / 1000.0), 'done', $5, to_timestamp($4 / 1000.0), 0)`,
        [teams.get(w.team), id, ids.get(w.agent), s.at, s.csat],
      );
    }
  }
  for (const c of seed.callbacks) {
    await db.query(
      `INSERT INTO follow_ups (id, team_id, kind, owner_id, due_at, window_end, status, done_at, feed_seq)
       VALUES (gen_random_uuid(), $1, 'callback', $2, to_timestamp($3 / 1000.0), to_timestamp($4 / 1000.0), $5, to_timestamp($6 / 1000.0), 0)`,
      [teams.get(c.team), ids.get(c.agent), c.dueAt, c.windowEnd, c.doneAt === null ? 'pending' : 'done', c.doneAt],
    );
  }
  for (const m of seed.marks) {
    await db.query('INSERT INTO kb_helped (id, article_id, user_id, team_id, helped, at) VALUES (gen_random_uuid(), $1, $2, $3, $4, to_timestamp($5 / 1000.0))',
      ['kb-1', ids.get(m.agent), teams.get(m.team), m.helped, m.at]);
  }
}
