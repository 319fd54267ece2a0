import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkRelay } from '../link-relay';
import { complaintForm, TestDesktop } from './team-desktop';
import { push, signIn, startTeamLab } from './team-lab';

// Faults with real parts: team-server processes SIGKILLed, PostgreSQL restarted, a desktop SIGKILLed, a
// 60-second network partition, a push delivered twice. Each ends with every acknowledged change on the server
// exactly once and on every desktop that may see it.
const people = [
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
  { username: '1002', password: 'agent-pass-1002', role: 'agent' as const, team: 'north' },
  { username: '1003', password: 'agent-pass-1003', role: 'agent' as const, team: 'north' },
  { username: 'lead1', password: 'lead-pass-0001', role: 'lead' as const, team: 'north' },
];
const password = (u: string) => people.find((p) => p.username === u)!.password;
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let db: pg.Pool;
const desktops: TestDesktop[] = [];
const desktop = (u: string, path?: string) => {
  const d = new TestDesktop(u, password(u), path);
  desktops.push(d);
  return d;
};
const writer = join(process.cwd(), 'node_modules', '.cache', 'agent-desktop', `desktop-writer-${process.pid}.mjs`);

beforeAll(async () => {
  lab = await startTeamLab(people, 2);
  db = new pg.Pool({ connectionString: lab.pg.url, max: 2 });
  db.on('error', () => undefined); // PostgreSQL is restarted on purpose below
  await build({
    input: fileURLToPath(new URL('./desktop-writer.ts', import.meta.url)),
    platform: 'node',
    external: ['better-sqlite3', 'ws', 'zod', 'pg'],
    output: { file: writer, format: 'esm' },
    logLevel: 'silent',
  });
}, 60_000);
afterAll(async () => {
  for (const d of desktops) await d.close().catch(() => undefined);
  await db?.end();
  await lab?.stop();
});

/** How many times each work order, its 'created' event and its follow-ups are on the server. */
async function serverCopies(uuids: string[]): Promise<{ missing: string[]; duplicated: string[] }> {
  const rows = (await db.query<{ id: string; events: string; follow_ups: string }>(
    `SELECT w.id, (SELECT count(*) FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'created') AS events,
            (SELECT count(*) FROM follow_ups f WHERE f.work_order_id = w.id) AS follow_ups
     FROM work_orders w WHERE w.id = ANY($1::uuid[])`, [uuids])).rows;
  const found = new Map(rows.map((r) => [r.id, r]));
  return {
    missing: uuids.filter((u) => !found.has(u)),
    // One 'created' event and one follow-up (no callback promised in these forms) per work order.
    duplicated: rows.filter((r) => Number(r.events) !== 1 || Number(r.follow_ups) !== 1).map((r) => r.id),
  };
}

function fileMany(d: TestDesktop, n: number, label: string): string[] {
  return Array.from({ length: n }, (_, i) => d.uuidOf(d.filing.file(d.username, complaintForm(`${label} ${i}`, 'ordinary', null)).id));
}

describe('sync under faults', () => {
  it('the same push delivered twice is applied once and acknowledged again', async () => {
    const t = await signIn(lab.servers[0]!.url, '1003', password('1003'));
    const clientId = randomUUID();
    const d = desktop('1003');
    const uuids = fileMany(d, 3, 'twice');
    const batch = d.cache.outbox.pending(10);
    const first = await push(lab.servers[0]!.url, t.accessToken, clientId, batch);
    const again = await push(lab.servers[1]!.url, t.accessToken, clientId, batch);
    expect(first.body.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect(again.body.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await serverCopies(uuids)).toEqual({ missing: [], duplicated: [] });
  });

  it('a team-server process SIGKILLed in the middle of a push loses and duplicates nothing', async () => {
    const d = desktop('1001');
    const uuids = fileMany(d, 300, 'kill-server');
    const server = lab.servers[0]!;
    d.connect(server.url);
    // Kill as soon as some of the outbox is in, none of it acknowledged on the desktop yet.
    for (;;) {
      const n = Number((await db.query("SELECT count(*) AS n FROM work_orders WHERE summary LIKE 'kill-server%'")).rows[0].n);
      if (n > 0) break;
      await new Promise((r) => setImmediate(r));
    }
    await server.kill();
    const stored = Number((await db.query("SELECT count(*) AS n FROM work_orders WHERE summary LIKE 'kill-server%'")).rows[0].n);
    expect(stored).toBeLessThan(300);
    await d.until((s) => s.state === 'offline');
    await server.start();
    await d.until((s) => s.state === 'synced' && s.waiting === 0, 60_000);
    expect(await serverCopies(uuids)).toEqual({ missing: [], duplicated: [] });
  }, 90_000);

  it('PostgreSQL restarted under load: every change arrives once', async () => {
    const d = desktop('1002');
    d.connect(lab.servers[1]!.url);
    await d.until((s) => s.state === 'synced');
    const uuids: string[] = [];
    const filing = (async () => {
      for (let i = 0; i < 200; i++) {
        uuids.push(...fileMany(d, 1, `pg-restart ${i}`));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    await lab.pg.stopServer();
    await lab.pg.run();
    await filing;
    await d.until((s) => s.state === 'synced' && s.waiting === 0, 60_000);
    expect(uuids).toHaveLength(200);
    expect(await serverCopies(uuids)).toEqual({ missing: [], duplicated: [] });
  }, 120_000);

  it('a desktop SIGKILLed between its local writes and their push sends them after it restarts', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'desk-killed-')), 'cache.sqlite');
    new TestDesktop('1003', password('1003'), path).cache.close();
    const acked = await new Promise<string[]>((resolve, reject) => {
      const child = spawn(process.execPath, [writer, path, lab.servers[0]!.url, '1003'], { env: { ...process.env, TEAM_PASSWORD: password('1003') }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        if (out.split('\n').length > 150) child.kill('SIGKILL');
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out.split('\n').slice(0, -1).map((l) => l.replace(/^ack /, ''))) : reject(new Error(`writer exited (${code}): ${err}`))));
    });
    expect(acked.length).toBeGreaterThanOrEqual(150);
    const d = desktop('1003', path);
    // The same address as before the crash: queued changes belong to (server address, user), and a desktop
    // pointed at another address is another server's (the lab's two processes answer on two addresses).
    d.connect(lab.servers[0]!.url);
    await d.until((s) => s.state === 'synced' && s.waiting === 0, 60_000);
    expect(await serverCopies(acked)).toEqual({ missing: [], duplicated: [] });
  }, 90_000);

  it('a 60-second partition: work filed offline reaches the server and the teammate after it heals, once', async () => {
    const relay = new LinkRelay(() => lab.servers[0]!.port);
    await relay.start();
    const agent = desktop('1001');
    const lead = desktop('lead1');
    agent.connect(`http://127.0.0.1:${relay.port}`);
    lead.connect(lab.servers[1]!.url);
    await Promise.all([agent.until((s) => s.state === 'synced'), lead.until((s) => s.state === 'synced')]);
    relay.partition();
    const started = Date.now();
    const uuids: string[] = [];
    for (let i = 0; i < 12; i++) {
      uuids.push(...fileMany(agent, 1, `offline ${i}`));
      await new Promise((r) => setTimeout(r, 5000));
    }
    const offline = await agent.until((s) => s.state === 'offline');
    expect(offline.waiting).toBe(12);
    expect((await serverCopies(uuids)).missing).toHaveLength(12);
    await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (Date.now() - started))));
    relay.heal();
    await agent.until((s) => s.state === 'synced' && s.waiting === 0, 60_000);
    expect(await serverCopies(uuids)).toEqual({ missing: [], duplicated: [] });
    for (const u of uuids) await lead.untilWorkOrder(u, () => true);
    await relay.stop();
  }, 150_000);
});
