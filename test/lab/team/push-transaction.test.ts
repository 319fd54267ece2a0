import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRecord, fileComplaint, pull, push, signIn, startTeamLab } from './team-lab';

// A desktop's push is one PostgreSQL transaction on a real PostgreSQL and a real team-server process: the team is
// woken once per push, a push cut off half-way leaves nothing of itself, and every guarantee of one change at a
// time still holds (at most once per number, gaps refused, a rejection recorded and the rest applied, another
// person's desktop refused).
const people = [
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
  { username: '1002', password: 'agent-pass-1002', role: 'agent' as const, team: 'north' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let base = '';
let db: pg.Pool;
let listener: pg.Client;
const heard: string[] = [];

beforeAll(async () => {
  lab = await startTeamLab(people);
  base = lab.servers[0]!.url;
  db = new pg.Pool({ connectionString: lab.pg.url, max: 3 });
  listener = new pg.Client({ connectionString: lab.pg.url });
  await listener.connect();
  listener.on('notification', (n) => heard.push(`${n.channel} ${n.payload ?? ''}`));
  await listener.query('LISTEN team_feed');
  await listener.query('LISTEN test_mark');
}, 60_000);
afterAll(async () => {
  await listener?.end();
  await db?.end();
  await lab?.stop();
});

/** The team_feed wake-ups PostgreSQL delivered since `from`: a notification of our own marks where they end. */
async function wakeUpsSince(from: number): Promise<string[]> {
  const mark = randomUUID();
  await db.query("SELECT pg_notify('test_mark', $1)", [mark]);
  await expect.poll(() => heard.includes(`test_mark ${mark}`), { timeout: 15_000 }).toBe(true);
  return heard.slice(from, heard.indexOf(`test_mark ${mark}`)).filter((h) => h.startsWith('team_feed '));
}

const teamFeedSeq = async () => Number((await db.query("SELECT feed_seq FROM teams WHERE name = 'north'")).rows[0].feed_seq);

describe('a push is one transaction', () => {
  it('a push of a call\'s changes wakes the team once, at the position after all of them', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    const before = await teamFeedSeq();
    const from = heard.length;
    const filed = fileComplaint('difficult', 'one wake-up for the whole push', Date.now() + 3_600_000);
    const r = await push(base, t.accessToken, randomUUID(), [
      { seq: 1, mutation: callRecord() },
      { seq: 2, mutation: filed },
      { seq: 3, mutation: { kind: 'agentState.change', state: 'after-call-work', reason: null, at: Date.now() } },
      { seq: 4, mutation: callRecord() },
    ]);
    expect(r.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    // Two calls, a work order with its 'created' event and its callback: five feed rows, one wake-up.
    const team = (await db.query("SELECT id FROM teams WHERE name = 'north'")).rows[0].id as number;
    expect(await wakeUpsSince(from)).toEqual([`team_feed ${team}:${before + 5}`]);
    // A teammate pulls them all, in the order they were pushed.
    const mate = await signIn(base, '1002', 'agent-pass-1002');
    const page = await pull(base, mate.accessToken, before);
    expect(page.body.changes.map((c) => [c.seq - before, c.entity])).toEqual([[1, 'contact'], [2, 'workOrder'], [3, 'workOrderEvent'], [4, 'followUp'], [5, 'contact']]);
  });

  it('a push cut off half-way leaves nothing of itself behind, and its retry applies all of it once', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    const desk = randomUUID();
    const filed = fileComplaint('ordinary', 'held by someone else');
    expect((await push(base, t.accessToken, desk, [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const call = callRecord();
    const batch = [
      { seq: 2, mutation: call, key: randomUUID() },
      { seq: 3, mutation: { kind: 'workOrder.setStatus' as const, id: filed.workOrder.id, status: 'in_progress' as const, baseVersion: 1, note: '' }, key: randomUUID() },
    ];
    // Another transaction holds the work order: the push waits there, after its call record, and its PostgreSQL
    // session is ended while it waits (as when PostgreSQL or the server's connection goes away).
    const holder = await db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM work_orders WHERE id = $1 FOR UPDATE', [filed.workOrder.id]);
      const cut = push(base, t.accessToken, desk, batch);
      let waiting: number | undefined;
      await expect.poll(async () => {
        waiting = (await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF w%'")).rows[0]?.pid;
        return waiting;
      }, { timeout: 15_000 }).toBeDefined();
      await db.query('SELECT pg_terminate_backend($1)', [waiting]);
      expect((await cut).status).toBeGreaterThanOrEqual(500);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    const calls = async () => Number((await db.query('SELECT count(*) AS n FROM contacts WHERE id = $1', [call.contact.id])).rows[0].n);
    const lastSeq = async () => Number((await db.query('SELECT last_seq FROM sync_clients WHERE client_id = $1', [desk])).rows[0].last_seq);
    expect([await calls(), await lastSeq()]).toEqual([0, 1]);
    const retried = await push(base, t.accessToken, desk, batch);
    expect(retried.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied']);
    expect([await calls(), await lastSeq()]).toEqual([1, 3]);
  });

  it('keeps every guarantee of a change at a time: retried, rejected, gap, another person\'s desktop', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    const desk = randomUUID();
    const before = await teamFeedSeq();
    const broken = fileComplaint('ordinary', 'half an emoji');
    broken.workOrder.details = { whatHappened: 'cut \udc00 here' };
    const first = [
      { seq: 1, mutation: callRecord(), key: randomUUID() },
      { seq: 2, mutation: broken, key: randomUUID() },
      { seq: 3, mutation: callRecord(), key: randomUUID() },
    ];
    const r = await push(base, t.accessToken, desk, first);
    expect(r.body.results.map((x) => x.outcome)).toEqual(['applied', 'rejected', 'applied']);
    expect(r.body.lastSeq).toBe(3);
    // The rejected change left no feed row: the two calls are the feed's next two positions.
    const page = await pull(base, t.accessToken, before);
    expect(page.body.changes.map((c) => [c.seq - before, c.entity])).toEqual([[1, 'contact'], [2, 'contact']]);
    // Sent again with what follows: the first three answered again (the rejection said again), the next applied,
    // and a gap after it stops the push there.
    const again = await push(base, t.accessToken, desk, [...first, { seq: 4, mutation: callRecord() }, { seq: 6, mutation: callRecord() }]);
    expect(again.status).toBe(200);
    expect(again.body.results.map((x) => x.outcome)).toEqual(['duplicate', 'rejected', 'duplicate', 'applied']);
    expect(again.body.lastSeq).toBe(4);
    // A gap at the start is refused with the number expected.
    const gap = await fetch(`${base}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessToken}` },
      body: JSON.stringify({ clientId: desk, mutations: [{ seq: 6, key: randomUUID(), mutation: callRecord() }] }),
    });
    expect([gap.status, gap.headers.get('x-expected-seq')]).toEqual([409, '5']);
    // Another person pushing under this desktop's id is refused and nothing of hers is written.
    const mate = await signIn(base, '1002', 'agent-pass-1002');
    const hers = callRecord();
    const refused = await push(base, mate.accessToken, desk, [{ seq: 5, mutation: hers }]);
    expect(refused.status).toBe(403);
    expect(Number((await db.query('SELECT count(*) AS n FROM contacts WHERE id = $1', [hers.contact.id])).rows[0].n)).toBe(0);
  });

  it('a push that meets a deadlock is run again and applied once', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    const desk = randomUUID();
    const filed = fileComplaint('ordinary', 'locked the other way round');
    expect((await push(base, t.accessToken, desk, [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const call = callRecord();
    const batch = [
      { seq: 2, mutation: call },
      { seq: 3, mutation: { kind: 'workOrder.setStatus' as const, id: filed.workOrder.id, status: 'in_progress' as const, baseVersion: 1, note: '' } },
    ];
    // Another transaction takes the locks the other way round (the work order, then the team), as the callback
    // sweep does with a follow-up: PostgreSQL ends the push's transaction as a deadlock, and the server runs it again.
    const other = await db.connect();
    try {
      // PostgreSQL ends the transaction whose deadlock check runs first: the push's (after the default 1 s), never
      // this one's, or on a loaded machine the test would be the one refused.
      await other.query("SET deadlock_timeout = '30s'");
      await other.query('BEGIN');
      await other.query('SELECT id FROM work_orders WHERE id = $1 FOR UPDATE', [filed.workOrder.id]);
      const pushed = push(base, t.accessToken, desk, batch);
      await expect.poll(async () => (await db.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF w%'")).rowCount, { timeout: 15_000 }).toBe(1);
      await other.query("UPDATE teams SET feed_seq = feed_seq WHERE name = 'north'");
      await other.query('ROLLBACK');
      const r = await pushed;
      expect([r.status, r.body.results?.map((x) => x.outcome)]).toEqual([200, ['applied', 'applied']]);
    } finally {
      await other.query('ROLLBACK');
      await other.query('RESET deadlock_timeout');
      other.release();
    }
    // The server's log comes through its stdout, which may arrive after the HTTP answer.
    await expect.poll(() => lab.servers[0]!.log, { timeout: 15_000 }).toContain('push ran into another transaction; running it again');
    expect(Number((await db.query('SELECT count(*) AS n FROM contacts WHERE id = $1', [call.contact.id])).rows[0].n)).toBe(1);
  });

  it('the callback sweep takes the team before any callback, as a push does: a push holding the team never deadlocks with it', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    const filed = fileComplaint('ordinary', 'callback that falls due', Date.now() + 3_600_000);
    expect((await push(base, t.accessToken, randomUUID(), [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const callback = filed.followUps[0]!.id;
    // A push's transaction: the team first (as push-service takes it), a follow-up after.
    const pusher = await db.connect();
    try {
      // If a deadlock happens, PostgreSQL ends the sweep's transaction (its check runs after 1 s, this one's after 30).
      await pusher.query("SET deadlock_timeout = '30s'");
      await pusher.query('BEGIN');
      await pusher.query("SELECT id FROM teams WHERE name = 'north' FOR NO KEY UPDATE");
      // The callback falls due with its agent signed out: the server's sweep (every 2 s) goes for it and waits for the team.
      await db.query("UPDATE follow_ups SET due_at = now() - interval '1 minute' WHERE id = $1", [callback]);
      await db.query("UPDATE sign_ins SET signed_in = false WHERE user_id = (SELECT id FROM users WHERE username = '1001')");
      await expect
        .poll(async () => (await db.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%teams%' AND pid <> $1", [(pusher as unknown as { processID: number }).processID])).rowCount, { timeout: 15_000 })
        .toBe(1);
      // Before, the sweep held the callback while it waited for the team: this lock closed the circle.
      await pusher.query('SELECT id FROM follow_ups WHERE id = $1 FOR UPDATE', [callback]);
      await pusher.query('COMMIT');
    } finally {
      await pusher.query('ROLLBACK');
      await pusher.query('RESET deadlock_timeout');
      pusher.release();
    }
    await expect.poll(async () => (await db.query('SELECT queue FROM follow_ups WHERE id = $1', [callback])).rows[0].queue, { timeout: 15_000 }).toBe('team');
    expect(lab.servers[0]!.log).not.toContain('callback sweep failed');
  });

  it('a long outbox goes in several transactions of one push, every change once', async () => {
    const t = await signIn(base, '1002', 'agent-pass-1002');
    const before = await teamFeedSeq();
    const from = heard.length;
    const calls = Array.from({ length: 70 }, (_, i) => ({ seq: i + 1, mutation: callRecord() }));
    const r = await push(base, t.accessToken, randomUUID(), calls);
    expect(r.body.results.filter((x) => x.outcome === 'applied')).toHaveLength(70);
    expect(r.body.lastSeq).toBe(70);
    // 32 changes a transaction at most (each has a savepoint; PostgreSQL keeps 64 per session cheaply): three wake-ups.
    expect((await wakeUpsSince(from)).length).toBe(3);
    expect(await teamFeedSeq()).toBe(before + 70);
  });
});
