import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-shared/contract';
import { ReportMetricIds, ReportResult, type ReportRequest } from '../../../src-shared/reports/report-contract';
import { memoryTokenStore, TeamClient } from '../../../src-main/services/sync/team-client';
import { TeamReports } from '../../../src-main/services/sync/team-reports';
import { figuresOf, localOf, pick, type Figures, type Seed } from './report-oracle';
import { makeSeed, MOVED_AT, writeSeed } from './report-seed';
import { push, ROOT, signIn, startTeamLab } from './team-lab';

// Reports on the team server against a real PostgreSQL and server process: every figure of a seeded floor is
// compared with what this test computes itself over the seed list (report-oracle.ts), in the site's zone
// (Europe/Berlin, across the DST change of 29 March 2026), with the edge cases of issue #13, and who may see what.
const TZ = 'Europe/Berlin';
const password = 'reports-pass-1';
const people = [
  { username: 'lead1', password, role: 'lead' as const, team: 'north' },
  { username: 'a1', password, role: 'agent' as const, team: 'north' },
  { username: 'a2', password, role: 'agent' as const, team: 'north' },
  { username: 'edge', password, role: 'agent' as const, team: 'north' },
  { username: 'mover', password, role: 'agent' as const, team: 'north' },
  { username: 'c1', password, role: 'agent' as const, team: 'north' },
  { username: 'lead2', password, role: 'lead' as const, team: 'south' },
  { username: 'a3', password, role: 'agent' as const, team: 'south' },
  { username: 'h1', password, role: 'agent' as const, team: 'history' },
];
const FROM = '2026-03-28';
const TO = '2026-04-10';
const PREVIOUS = { from: '2026-03-14', to: '2026-03-27' };
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let db: pg.Pool;
let base = '';
const tokens = new Map<string, string>();
const seed: Seed = makeSeed();

function admin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(ROOT, 'out/server/admin.js'), ...args], { env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: lab.pg.url }, encoding: 'utf8' });
}

async function report(who: string, body: ReportRequest): Promise<{ status: number; json: ReportResult & { message?: string } }> {
  const r = await fetch(`${base}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(who)}` }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as ReportResult & { message?: string } };
}

async function ok(who: string, body: ReportRequest): Promise<ReportResult> {
  const r = await report(who, body);
  expect(r.status, `${r.json.message} ${r.status === 503 ? lab.servers[0]!.log.split("\n").filter((l) => l.includes("request failed")).slice(-1)[0] : ""}`).toBe(200);
  return ReportResult.parse(r.json);
}

function same(actual: Record<string, number | null> | undefined, expected: Figures, where: string): void {
  expect(actual, where).toBeDefined();
  for (const m of ReportMetricIds) {
    if (expected[m] === null) expect(actual![m], `${where} ${m}`).toBeNull();
    else expect(actual![m], `${where} ${m}`).toBeCloseTo(expected[m], 9);
  }
}

beforeAll(async () => {
  lab = await startTeamLab(people);
  base = lab.servers[0]!.url;
  db = new pg.Pool({ connectionString: lab.pg.url, max: 2 });
  for (const team of ['north', 'south']) expect(admin('set-time-zone', team, TZ).status).toBe(0);
  await writeSeed(db, seed);
  // She moved: her rows keep the team they were taken for; from now on she is south's.
  await db.query("UPDATE users SET team_id = (SELECT id FROM teams WHERE name = 'south') WHERE username = 'mover'");
  for (const p of people) tokens.set(p.username, (await signIn(base, p.username, password)).accessToken);
}, 120_000);
afterAll(async () => {
  await db?.end();
  await lab?.stop();
});

describe('a team lead\'s report', () => {
  const now = Date.now();
  const north = (row: { team: string }) => row.team === 'north';
  const inNorth = (from: string, to: string, keep: (row: { team: string; agent: string; queue?: string | null }, at: number) => boolean = () => true) =>
    pick(seed, TZ, from, to, (row, at) => north(row) && keep(row, at));
  const expected = (part: Seed, calls = true, work = true, queue = false) => figuresOf(part, seed.calls, TZ, 7, now, calls, work, queue);

  it('has every figure of the team, per day, agent, queue and hour, and of the weeks before, as computed from the seed', async () => {
    const r = await ok('lead1', { from: FROM, to: TO, scope: { kind: 'team' } });
    expect(r.timeZone).toBe(TZ);
    expect(r.previous).toEqual(PREVIOUS);
    same(r.current, expected(inNorth(FROM, TO)), 'period');
    same(r.previousFigures, expected(inNorth(PREVIOUS.from, PREVIOUS.to)), 'previous period');
    expect(r.daily.map((d) => d.day)).toHaveLength(14);
    for (const d of r.daily) same(d.figures, expected(inNorth(d.day, d.day)), d.day);
    // The mover's calls for north before she moved are north's; the edge agent's too.
    const agents = [...new Set(inNorth(FROM, TO).calls.map((c) => c.agent))].sort();
    expect(r.perAgent.map((a) => a.agent)).toEqual(expect.arrayContaining(agents));
    for (const a of r.perAgent) same(a.figures, expected(inNorth(FROM, TO, (row) => row.agent === a.agent)), `agent ${a.agent}`);
    // Per queue: its calls, and the work orders filed on its calls (one filed with no call is in none).
    expect(r.perQueue.map((q) => q.queue)).toEqual(['billing', 'delivery', 'general']);
    for (const q of r.perQueue) same(q.figures, expected(inNorth(FROM, TO, (row) => row.queue === q.queue), true, true, true), `queue ${q.queue}`);
    expect(r.perQueue.every((q) => q.figures.complaints! > 0)).toBe(true);
    for (const h of r.perHour) same(h.figures, expected(inNorth(FROM, TO, (_row, at) => localOf(at, TZ).hour === h.hour)), `hour ${h.hour}`);
    expect(r.perHour.length).toBeGreaterThan(10);

    const wos = inNorth(FROM, TO).workOrders;
    const count = <K extends string>(keys: K[]) => Object.entries(keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {})).sort();
    expect(count(r.complaintsByType.flatMap((c) => Array<string>(c.count).fill(`${c.day}|${c.type}`)))).toEqual(count(wos.map((w) => `${localOf(w.at, TZ).day}|${w.type}`)));
    expect(count(r.complaintsByWhy.flatMap((c) => Array<string>(c.count).fill(`${c.day}|${c.tag}`)))).toEqual(count(wos.flatMap((w) => w.why.map((t) => `${localOf(w.at, TZ).day}|${t}`))));
    expect(count(r.complaintsByHourAgent.flatMap((c) => Array<string>(c.count).fill(`${c.hour}|${c.agent}`)))).toEqual(count(wos.map((w) => `${localOf(w.at, TZ).hour}|${w.agent}`)));
  });

  it('reads the same from rollups made as the calls arrived and from rollups rebuilt at once (after a bulk load)', async () => {
    const body: ReportRequest = { from: FROM, to: TO, scope: { kind: 'team' } };
    const incremental = await ok('lead1', body);
    await db.query('SELECT report_rollups_rebuild(id) FROM teams');
    expect(await ok('lead1', body)).toEqual(incremental);
  });

  it('shows one of her agents, and one of her queues (its calls and the work orders filed on them)', async () => {
    const a1 = await ok('lead1', { from: FROM, to: TO, scope: { kind: 'agent', agent: 'a1' } });
    same(a1.current, expected(inNorth(FROM, TO, (row) => row.agent === 'a1')), 'a1');
    expect(a1.perAgent.map((a) => a.agent)).toEqual(['a1']);
    const billing = await ok('lead1', { from: FROM, to: TO, scope: { kind: 'queue', queue: 'billing' } });
    same(billing.current, expected(inNorth(FROM, TO, (row) => row.queue === 'billing'), true, true, true), 'billing');
    const billingOrders = inNorth(FROM, TO, (row) => row.queue === 'billing').workOrders;
    expect(billing.complaintsByType.reduce((n, c) => n + c.count, 0)).toBe(billingOrders.length);
    expect(billingOrders.length).toBeGreaterThan(0);
  });

  it('counts an agent who moved teams for each team while she was on it', async () => {
    const south = await ok('lead2', { from: FROM, to: TO, scope: { kind: 'agent', agent: 'mover' } });
    const mine = (team: string | null) => pick(seed, TZ, FROM, TO, (row) => row.agent === 'mover' && (team === null || row.team === team));
    same(south.current, expected(mine('south')), 'mover for south');
    expect(mine('south').calls.length).toBeGreaterThan(0);
    expect(mine('north').calls.every((c) => c.at < MOVED_AT)).toBe(true);
    // North still has her earlier calls in its own figures (above), but no longer sees her alone.
    const refused = await report('lead1', { from: FROM, to: TO, scope: { kind: 'agent', agent: 'mover' } });
    expect(refused.status).toBe(403);
    // Her own figures are all of hers, from both teams.
    same((await ok('mover', { from: FROM, to: TO, scope: { kind: 'me' } })).current, expected(mine(null)), 'mover, her own');
  });
});

describe('an agent\'s own figures', () => {
  it('gets the edge cases right: repeat calls on day 7 and 8, midnight, DST, a late CSAT', async () => {
    const r = await ok('edge', { from: FROM, to: TO, scope: { kind: 'me' } });
    const day = (d: string) => r.daily.find((x) => x.day === d)!.figures;
    // Two first calls on 1 April: EDGE-K1 called again on day 7 (a repeat), EDGE-K2 on day 8 (resolved).
    const first = await ok('edge', { from: '2026-04-01', to: '2026-04-01', scope: { kind: 'me' } });
    expect(first.current.offered).toBe(2);
    expect(first.current.fcrRate).toBe(0.5);
    // With a window of 8 days both are repeats.
    expect((await ok('edge', { from: '2026-04-01', to: '2026-04-01', scope: { kind: 'me' }, fcrWindowDays: 8 })).current.fcrRate).toBe(0);
    // The call from 23:50 counts on the 2nd, with its whole 20 minutes; nothing on the 3rd.
    expect(day('2026-04-02').offered).toBe(1);
    expect(day('2026-04-02').ahtSeconds).toBe(1240);
    expect(day('2026-04-03').offered).toBe(0);
    // 23:30 UTC on 28 March is 00:30 on the 29th in Berlin (CET); 22:30 UTC on the 29th is 00:30 on the 30th (CEST).
    expect(day('2026-03-28').offered).toBe(0);
    expect(day('2026-03-29').offered).toBe(1);
    expect(day('2026-03-30').offered).toBe(1);
    expect(r.perHour.find((h) => h.hour === 0)?.figures.offered).toBe(2);
    // Rated 2 ten days after the period: it counts for the period, and is still to follow up.
    expect(r.current.csatAverage).toBe(2);
    expect(r.current.lowCsatOpen).toBe(1);
    expect(r.lowCsat).toEqual([{ workOrder: 'WO-EDGE', agent: 'edge', csat: 2, at: Date.parse('2026-04-20T09:00:00Z') }]);
    expect(r.perAgent.map((a) => a.agent)).toEqual(['edge']);
  });
});

describe('who may see what', () => {
  it('refuses an agent the team, a colleague and a queue, and a lead another team\'s agent, saying why', async () => {
    for (const scope of [{ kind: 'team' as const }, { kind: 'agent' as const, agent: 'a2' }, { kind: 'queue' as const, queue: 'billing' }]) {
      const r = await report('a1', { from: FROM, to: TO, scope });
      expect(r.status).toBe(403);
      expect(r.json.message).toMatch(/team lead.*your own/);
    }
    const other = await report('lead1', { from: FROM, to: TO, scope: { kind: 'agent', agent: 'a3' } });
    expect(other.status).toBe(403);
    expect(other.json.message).toContain('a3 is not on your team');
    const nobody = await report('lead1', { from: FROM, to: TO, scope: { kind: 'agent', agent: 'nobody' } });
    expect([nobody.status, nobody.json.message?.replace('nobody', 'a3')]).toEqual([403, other.json.message]);
    const anonymous = await fetch(`${base}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: FROM, to: TO, scope: { kind: 'me' } }) });
    expect(anonymous.status).toBe(401);
  });

  it('rejects a bad request with a message naming the field', async () => {
    const badDay = await report('lead1', { from: '2026-13-01', to: TO, scope: { kind: 'team' } });
    expect(badDay.status).toBe(400);
    expect(badDay.json.message).toMatch(/from/);
    const badScope = await report('lead1', { from: FROM, to: TO, scope: { kind: 'everyone' } as never });
    expect(badScope.status).toBe(400);
    expect(badScope.json.message).toMatch(/scope/);
    const backwards = await report('lead1', { from: TO, to: FROM, scope: { kind: 'team' } });
    expect([backwards.status, backwards.json.message]).toEqual([400, expect.stringMatching(/to: the last day comes before the first/)]);
    const long = await report('lead1', { from: '2025-01-01', to: TO, scope: { kind: 'team' } });
    expect([long.status, long.json.message]).toEqual([400, expect.stringMatching(/to: a report covers at most 366 days/)]);
  });
});

describe('targets', () => {
  const put = async (who: string, body: unknown) => {
    const r = await fetch(`${base}/v1/reports/targets`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(who)}` }, body: JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as { targets: Figures; message?: string } };
  };

  it('start from the defaults, are set by the lead for her team only, and by the admin CLI', async () => {
    const before = await ok('lead1', { from: FROM, to: TO, scope: { kind: 'team' } });
    expect(before.targets).toMatchObject({ fcrRate: 0.75, ahtSeconds: 360, csatAverage: 4.2, offered: null });
    const set = await put('lead1', { targets: { fcrRate: 0.8, offered: 500, holdSeconds: null } });
    expect(set.status).toBe(200);
    expect(set.json.targets).toMatchObject({ fcrRate: 0.8, offered: 500, holdSeconds: null, ahtSeconds: 360 });
    expect((await ok('a1', { from: FROM, to: TO, scope: { kind: 'me' } })).targets).toMatchObject({ fcrRate: 0.8, offered: 500 });
    expect((await ok('lead2', { from: FROM, to: TO, scope: { kind: 'team' } })).targets).toMatchObject({ fcrRate: 0.75, offered: null });

    expect((await put('a1', { targets: { fcrRate: 0.1 } })).status).toBe(403);
    const bad = await put('lead1', { targets: { fcrRate: 1.5 } });
    expect([bad.status, bad.json.message]).toEqual([400, expect.stringContaining('targets.fcrRate')]);
    expect((await put('lead1', { targets: { nonsense: 1 } })).status).toBe(400);

    expect(admin('set-target', 'south', 'csatAverage', '4.5').status).toBe(0);
    const wrong = admin('set-target', 'south', 'csatAverage', '9');
    expect([wrong.status, wrong.stderr]).toEqual([2, expect.stringContaining('csatAverage')]);
    expect((await ok('lead2', { from: FROM, to: TO, scope: { kind: 'team' } })).targets.csatAverage).toBe(4.5);
    expect(admin('set-time-zone', 'south', 'Mars/Olympus').stderr).toContain('not an IANA time zone');
  });
});

describe('calls pushed by a desktop', () => {
  it('keep their after-call work and whether they were answered; an older desktop\'s call counts as answered with none', async () => {
    const call = (startedAt: number, extra: object) => ({
      kind: 'contact.record' as const,
      contact: { id: randomUUID(), startedAt, direction: 'inbound' as const, customer: { externalId: null, name: null, number: '+4930123456' }, queue: 'general', durationS: 100, holdS: 0, disposition: null, ...extra },
    });
    const at = Date.parse('2026-05-01T08:00:00Z');
    const pushed = await push(base, tokens.get('a2')!, randomUUID(), [
      { seq: 1, mutation: call(at, { acwS: 50, answered: true }) },
      { seq: 2, mutation: call(at + 60_000, { durationS: 0, acwS: 0, answered: false }) },
      { seq: 3, mutation: call(at + 120_000, {}) },
    ]);
    expect(pushed.body.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    const r = await ok('a2', { from: '2026-05-01', to: '2026-05-01', scope: { kind: 'me' } });
    expect(r.current).toMatchObject({ offered: 3, handled: 2, acwSeconds: 25, ahtSeconds: 125 });
  });
});

describe('work orders filed by a desktop', () => {
  it('carry the queue of the call they were filed on into the reports per queue; an older desktop\'s is in no queue', async () => {
    const file = (displayId: string, extra: object) => ({
      kind: 'workOrder.file' as const,
      workOrder: { id: randomUUID(), displayId, customer: { externalId: null, name: null, number: null }, complaintType: 'long-wait', severity: 'difficult' as const, summary: 's', details: {}, ...extra },
      followUps: [],
    });
    // Today as the server's clock has it when it files them: a push just before midnight (site time) is stored on
    // the day before the test would look it up, so the period runs from today before the push to today after it.
    const todayBefore = localOf(Date.now(), TZ).day;
    const pushed = await push(base, tokens.get('c1')!, randomUUID(), [
      { seq: 1, mutation: file('WO-Q-1', { callQueue: 'vip' }) },
      { seq: 2, mutation: file('WO-Q-2', { callQueue: 'vip' }) },
      { seq: 3, mutation: file('WO-Q-3', {}) },
    ]);
    expect(pushed.body.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    // Filed now on the server's clock: today in the site's zone.
    const r = await ok('c1', { from: todayBefore, to: localOf(Date.now(), TZ).day, scope: { kind: 'me' } });
    expect(r.current.complaints).toBe(3);
    expect(r.perQueue.map((q) => [q.queue, q.figures.complaints, q.figures.escalationRate])).toEqual([['vip', 2, 1]]);
  });
});

describe('call quality on the team\'s call records', () => {
  it('is kept as the agent\'s window measured it; a call sent without it keeps none', async () => {
    const quality = { avgMos: 3.71, worstMos: 2.15, worstJitterMs: 48.5, worstLossPct: 7, warningS: 12, oneWay: true };
    const record = (extra: object) => ({
      kind: 'contact.record' as const,
      contact: { id: randomUUID(), startedAt: Date.parse('2026-05-02T08:00:00Z'), direction: 'inbound' as const, customer: { externalId: null, name: null, number: '+4930123457' }, queue: 'general', durationS: 90, holdS: 0, disposition: 'resolved', ...extra },
    });
    const measured = record({ quality });
    // Another customer, an hour later: two calls of one customer at one instant would be a repeat of each other.
    const unmeasured = record({ startedAt: Date.parse('2026-05-02T09:00:00Z'), customer: { externalId: null, name: null, number: '+4930123458' } });
    const pushed = await push(base, tokens.get('a2')!, randomUUID(), [{ seq: 1, mutation: measured }, { seq: 2, mutation: unmeasured }]);
    expect(pushed.body.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const stored = async (id: string) =>
      (
        await db.query(
          `SELECT quality_avg_mos AS "avgMos", quality_worst_mos AS "worstMos", quality_worst_jitter_ms AS "worstJitterMs",
             quality_worst_loss_pct AS "worstLossPct", quality_warning_s AS "warningS", quality_one_way AS "oneWay" FROM contacts WHERE id = $1`,
          [id],
        )
      ).rows[0] as Record<string, unknown>;
    expect(await stored(measured.contact.id)).toEqual(quality);
    expect(Object.values(await stored(unmeasured.contact.id))).toEqual([null, null, null, null, null, null]);
    // A quality no window can measure is refused with the field named, and nothing is written.
    const bad = await push(base, tokens.get('a2')!, randomUUID(), [{ seq: 1, mutation: record({ quality: { ...quality, avgMos: 9 } }) }]);
    expect(JSON.stringify(bad.body)).toContain('avgMos');
  });
});

describe('the desktop\'s client of the reports (TeamReports)', () => {
  const client = (username: string, url = base) => new TeamReports(new TeamClient(url, username, memoryTokenStore(), password));
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ContractError);
    return err as ContractError;
  };
  const request = (scope: ReportRequest['scope'], from = FROM, to = TO) => ({ from, to, scope, fcrWindowDays: 7 });

  it('brings the report with the team session\'s token, and says in the agent\'s words why one is refused', async () => {
    const mine = await client('c1').get(request({ kind: 'me' }));
    expect(mine.timeZone).toBe(TZ);
    expect((await refusal(client('c1').get(request({ kind: 'team' })))).key).toBe('mainError.reports.leadOnly');
    const notOurs = await refusal(client('lead1').get(request({ kind: 'agent', agent: 'a3' })));
    expect([notOurs.key, notOurs.params]).toEqual(['mainError.reports.notOnTeam', { agent: 'a3' }]);
    const backwards = await refusal(client('lead1').get(request({ kind: 'team' }, TO, FROM)));
    expect([backwards.key, backwards.params]).toEqual(['mainError.reports.badRequest', { field: 'to' }]);
    expect((await refusal(client('c1', 'http://127.0.0.1:9').get(request({ kind: 'me' })))).key).toBe('mainError.reports.unreachable');
  });

  it('signs in again once when the token is refused, and asks her to sign in when her session has ended', async () => {
    const reports = client('c1');
    await reports.get(request({ kind: 'me' }));
    const reset = spawnSync(process.execPath, [join(ROOT, 'out/server/admin.js'), 'reset-password', 'c1'], {
      env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: lab.pg.url }, input: 'another-pass-1\n', encoding: 'utf8',
    });
    expect(reset.status).toBe(0);
    expect((await refusal(reports.get(request({ kind: 'me' })))).key).toBe('mainError.reports.signedOut');
  });
});

describe('seeded history (bench and demo)', () => {
  it('links every call to its customer\'s next one and rolls it up as the triggers would', async () => {
    const seeded = admin('seed-history', '--team', 'history', '--calls', '3000', '--work-orders', '200', '--days', '30', '--end', '2026-06-30');
    expect(seeded.status, seeded.stderr).toBe(0);
    const unlinked = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM contacts c JOIN (
         SELECT id, lead(started_at) OVER (PARTITION BY customer_key ORDER BY started_at) AS next_at
           FROM contacts WHERE direction = 'inbound' AND customer_key IS NOT NULL) n ON n.id = c.id
        WHERE c.next_inbound_at IS DISTINCT FROM n.next_at`,
    );
    expect(unlinked.rows[0]!.n).toBe(0);
    const before = await ok('h1', { from: '2026-06-01', to: '2026-06-30', scope: { kind: 'me' } });
    expect(before.current.offered).toBeGreaterThan(2000);
    await db.query('SELECT report_rollups_rebuild(id) FROM teams');
    expect(await ok('h1', { from: '2026-06-01', to: '2026-06-30', scope: { kind: 'me' } })).toEqual(before);
  });
});
