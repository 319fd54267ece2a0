import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { LabPostgres } from '../../../services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../services/lab-team/lab-team-server';
import type { ReportRequest } from '../../../../src-shared/reports/report-contract';
import type { CommandContext } from '../command';
import { benchLocalReports } from './reports-local';
import { percentile, round } from './stats';

/** A year of a 200-agent centre (full), or a tenth of it (small): teams of ten agents and a lead. */
const SCALE = {
  small: { agents: 20, calls: 500_000, workOrders: 30_000, runs: 30 },
  full: { agents: 200, calls: 5_000_000, workOrders: 300_000, runs: 30 },
};
const TEAM_SIZE = 10;
const QUEUES = ['billing', 'delivery', 'general'];
const TIME_ZONE = 'Asia/Bangkok';

/** Runs the team server's admin CLI (history seeding takes minutes at full scale: not spawnSync, which would block the clock). */
function admin(root: string, databaseUrl: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'out/server/admin.js'), ...args], { env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: databaseUrl } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => (code === 0 ? done(out) : fail(new Error(`admin ${args[0]} failed: ${err}`))));
  });
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The report screens against a year of history on the team server: a fresh PostgreSQL 15, one server process,
 * the year seeded by PostgreSQL itself (admin seed-history: generate_series, no rows through Node), then each screen
 * asked for repeatedly through the real route (HTTP, token, policy, SQL) and timed from request to parsed answer.
 * Screens: a lead's team over the last 4 weeks, one of her agents and one of her queues over the same weeks, her
 * team over the whole year, and an agent's "My day" (yesterday). The `sqlite` key: the desktop's own cache (benchLocalReports).
 */
export async function benchReports(ctx: CommandContext, scale: 'small' | 'full') {
  const plan = SCALE[scale];
  // First, alone on the machine: the desktop's side, before PostgreSQL starts.
  const sqlite = await benchLocalReports(scale);
  const root = resolve(ctx.resourcesDir, '..');
  const pg = new LabPostgres();
  await pg.start();
  const server = new LabTeamServer(root, pg.url, LabTeamServer.secret());
  try {
    await server.start();
    const password = randomUUID();
    const teams = Array.from({ length: plan.agents / TEAM_SIZE }, (_, t) => `team-${t}`);
    const people = teams.flatMap((team, t) => [
      { username: `lead${t}`, role: 'lead' as const, team },
      ...Array.from({ length: TEAM_SIZE }, (_, i) => ({ username: `r${String(t * TEAM_SIZE + i).padStart(4, '0')}`, role: 'agent' as const, team, queues: [] })),
    ]);
    server.importPeople(people, password);
    for (const team of teams) await admin(root, pg.url, ['set-time-zone', team, TIME_ZONE]);
    const end = day(Date.now() - 86_400_000);
    const seeded = JSON.parse(
      await admin(root, pg.url, ['seed-history', ...teams.flatMap((t) => ['--team', t]), '--calls', String(plan.calls), '--work-orders', String(plan.workOrders), '--days', '365', '--end', end]),
    ) as { calls: number; workOrders: number; ms: number };

    const token = async (username: string) => {
      const r = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (!r.ok) throw new Error(`sign-in ${username}: ${r.status}`);
      return ((await r.json()) as { accessToken: string }).accessToken;
    };
    const lead = await token('lead0');
    const agent = await token('r0001');
    const weeksFrom = day(Date.now() - 28 * 86_400_000);
    const yearFrom = day(Date.now() - 365 * 86_400_000);
    const screens: Record<string, (i: number) => { token: string; body: ReportRequest }> = {
      team: () => ({ token: lead, body: { from: weeksFrom, to: end, scope: { kind: 'team' } } }),
      perAgent: (i) => ({ token: lead, body: { from: weeksFrom, to: end, scope: { kind: 'agent', agent: `r${String(i % TEAM_SIZE).padStart(4, '0')}` } } }),
      perQueue: (i) => ({ token: lead, body: { from: weeksFrom, to: end, scope: { kind: 'queue', queue: QUEUES[i % QUEUES.length]! } } }),
      myDay: () => ({ token: agent, body: { from: end, to: end, scope: { kind: 'me' } } }),
      teamYear: () => ({ token: lead, body: { from: yearFrom, to: end, scope: { kind: 'team' } } }),
    };
    const postgres: Record<string, { p50Ms: number; p95Ms: number; maxMs: number; runs: number }> = {};
    for (const [name, make] of Object.entries(screens)) {
      const samples: number[] = [];
      // Three first requests warm the server's and PostgreSQL's caches; they are not counted.
      for (let i = -3; i < plan.runs; i++) {
        const { token: bearer, body } = make(i + 3);
        const started = performance.now();
        const r = await fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify(body) });
        if (!r.ok) throw new Error(`${name}: ${r.status} ${await r.text()}`);
        await r.json();
        if (i >= 0) samples.push(performance.now() - started);
      }
      postgres[name] = { p50Ms: round(percentile(samples, 50), 1), p95Ms: round(percentile(samples, 95), 1), maxMs: round(Math.max(...samples), 1), runs: samples.length };
    }
    return {
      scale,
      seeded: { agents: plan.agents, calls: seeded.calls, workOrders: seeded.workOrders, seconds: round(seeded.ms / 1000, 1), timeZone: TIME_ZONE },
      postgres,
      // The desktop's own cache (SQLite): "My day" screens over a year of one desktop's calls.
      sqlite,
      loadAverage: loadavg().map((n) => round(n, 2)),
    };
  } finally {
    await server.stop();
    await pg.stop();
  }
}
