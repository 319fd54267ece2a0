import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src-shared/sync/contract';
import { callRecord, fileComplaint, push, ROOT, signIn, startTeamLab } from './team-lab';

// What a desktop's requests cost PostgreSQL, counted by PostgreSQL itself (pg_stat_statements, loaded in this
// lab's cluster) on a real team-server process: a push is one transaction, a pull that finds nothing new is one
// statement, and a person's account is read once for her requests of a few seconds, while a disabled account is
// still refused at once.
const people = [
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
  { username: '1002', password: 'agent-pass-1002', role: 'agent' as const, team: 'north' },
  { username: '1003', password: 'agent-pass-1003', role: 'agent' as const, team: 'north' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
const KEPT_S = 20;
let base = '';
let db: pg.Pool;

beforeAll(async () => {
  // Accounts kept 20 s, not 5: a refusal seen sooner than that came from the account_changed notification, not from the
  // entry growing old while the admin CLI ran on a loaded machine.
  // The callback sweep (BEGIN, its SELECT, COMMIT every 2 s) is put off for the hour: one straddling a measured
  // window's start or end would count a statement or a commit against the request.
  lab = await startTeamLab(people, 1, ['shared_preload_libraries=pg_stat_statements'], {
    AGENT_SERVER_ACCOUNT_CACHE_SECONDS: String(KEPT_S),
    AGENT_SERVER_CALLBACK_SWEEP_SECONDS: '3600',
  });
  base = lab.servers[0]!.url;
  db = new pg.Pool({ connectionString: lab.pg.url, max: 2 });
  await db.query('CREATE EXTENSION pg_stat_statements');
}, 60_000);
afterAll(async () => {
  await db?.end();
  await lab?.stop();
});

interface Cost {
  /** Statements the server sent (round trips), the server's background sweeps left out. */
  statements: number;
  commits: number;
  accountReads: number;
}

/** The statements PostgreSQL ran for what `run` asked of the server. */
async function costOf(run: () => Promise<unknown>): Promise<Cost> {
  await db.query('SELECT pg_stat_statements_reset()');
  await run();
  const rows = (await db.query<{ query: string; calls: string }>('SELECT query, calls FROM pg_stat_statements')).rows
    .map((r) => ({ query: r.query, calls: Number(r.calls) }))
    .filter((r) => !r.query.includes('pg_stat_statements'));
  const calls = (match: (q: string) => boolean) => rows.filter((r) => match(r.query)).reduce((n, r) => n + r.calls, 0);
  // The recordings' retention runs on its own timer (one statement); the callback sweep is set not to run here.
  const background = calls((q) => q.includes('DELETE FROM recordings'));
  return {
    statements: calls(() => true) - background,
    commits: calls((q) => /^COMMIT/i.test(q)),
    accountReads: calls((q) => q.includes('LEFT JOIN user_queues q ON q.user_id = u.id WHERE u.id = $1')),
  };
}

async function pullAs(token: string, after: number, clientId: string, waiting: number): Promise<{ status: number; body: PullResponse }> {
  const r = await fetch(`${base}/v1/sync/pull?after=${after}&clientId=${clientId}&waiting=${waiting}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, body: (await r.json()) as PullResponse };
}

function admin(args: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'out/server/admin.js'), ...args], { env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: lab.pg.url }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`admin ${args[0]} failed: ${r.stderr}`);
}

describe('what a request costs PostgreSQL', () => {
  it('a push of a call\'s four changes is one transaction of at most 20 statements', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    const desk = randomUUID();
    // Her desktop's first request of the minute notes her as seen (a write every 15 s): not this push's cost.
    await push(base, t.accessToken, desk, [{ seq: 1, mutation: callRecord() }]);
    const cost = await costOf(async () => {
      const r = await push(base, t.accessToken, desk, [
        { seq: 2, mutation: callRecord() },
        { seq: 3, mutation: fileComplaint('difficult', 'counted', Date.now() + 3_600_000) },
        { seq: 4, mutation: { kind: 'agentState.change', state: 'after-call-work', reason: null, at: Date.now() } },
        { seq: 5, mutation: callRecord() },
      ]);
      expect(r.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    });
    console.log(`push of four changes: ${JSON.stringify(cost)}`);
    expect(cost.commits).toBe(1);
    expect(cost.statements).toBeLessThanOrEqual(20);
  });

  it('a desktop that is current pulls in one statement, her account read once for her push and pulls', async () => {
    const t = await signIn(base, '1002', 'agent-pass-1002');
    const desk = randomUUID();
    await push(base, t.accessToken, desk, [{ seq: 1, mutation: callRecord() }]);
    const cursor = (await pullAs(t.accessToken, 0, desk, 0)).body.cursor;
    let current = cursor;
    const cost = await costOf(async () => {
      const pushed = await push(base, t.accessToken, desk, [{ seq: 2, mutation: callRecord() }]);
      expect(pushed.body.lastSeq).toBe(2);
      const page = await pullAs(t.accessToken, cursor, desk, 0);
      expect([page.body.changes.length, page.body.clientLastSeq]).toEqual([1, 2]);
      const again = await pullAs(t.accessToken, page.body.cursor, desk, 0);
      expect([again.status, again.body.changes, again.body.cursor, again.body.clientLastSeq]).toEqual([200, [], page.body.cursor, 2]);
      current = again.body.cursor;
    });
    console.log(`push, pull, pull finding nothing: ${JSON.stringify(cost)}`);
    expect(cost.accountReads).toBeLessThanOrEqual(1);
    const nothingNew = await costOf(() => pullAs(t.accessToken, current, desk, 0));
    console.log(`pull finding nothing: ${JSON.stringify(nothingNew)}`);
    expect(nothingNew.statements).toBe(1);
  });

  it('a disabled person is refused at once though her account was just read', async () => {
    const t = await signIn(base, '1003', 'agent-pass-1003');
    const desk = randomUUID();
    expect((await pullAs(t.accessToken, 0, desk, 0)).status).toBe(200);
    admin(['disable-user', '1003']);
    // Sooner than the account is kept (the CLI's own start included): the account_changed notification dropped it.
    await expect.poll(async () => (await pullAs(t.accessToken, 0, desk, 0)).status, { timeout: (KEPT_S / 2) * 1000, interval: 20 }).toBe(401);
  });

  it('an account changed by hand in SQL (no notification) is refused within the few seconds it is kept', async () => {
    const t = await signIn(base, '1002', 'agent-pass-1002');
    const desk = randomUUID();
    expect((await pullAs(t.accessToken, 0, desk, 0)).status).toBe(200);
    await db.query("UPDATE users SET role = 'lead' WHERE username = '1002'");
    await expect.poll(async () => (await pullAs(t.accessToken, 0, desk, 0)).status, { timeout: (KEPT_S + 5) * 1000, interval: 100 }).toBe(401);
  }, (KEPT_S + 15) * 1000);
});
