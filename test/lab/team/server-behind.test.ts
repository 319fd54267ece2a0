import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamLab } from './team-lab';
import { complaintForm, TestDesktop } from './team-desktop';

// Real PostgreSQL and a team-server process: the server comes back knowing less of this desktop than the desktop
// numbered (restored from a backup, or a new server at the same address). Its waiting changes must still go out,
// once, instead of being refused as "expected change 1 first" forever.
const agent = { username: '6301', password: 'pass-6301-long', role: 'agent' as const, team: 'east' };
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let db: pg.Pool;
beforeAll(async () => {
  lab = await startTeamLab([agent]);
  db = new pg.Pool({ connectionString: lab.pg.url, max: 2 });
}, 60_000);
afterAll(async () => {
  await db?.end();
  await lab?.stop();
});

it('a server that lost this desktop\'s record gets its waiting changes, numbered again from where it stands', async () => {
  const server = lab.servers[0]!;
  const desk = new TestDesktop(agent.username, agent.password);
  desk.connect(server.url);
  const first = desk.uuidOf(desk.filing.file(agent.username, complaintForm('before the restore', 'ordinary', null)).id);
  await desk.until((s) => s.state === 'synced' && s.waiting === 0);

  // The server goes away; a change made meanwhile is numbered by the attempt that fails.
  await server.stop();
  const second = desk.uuidOf(desk.filing.file(agent.username, complaintForm('while it was away', 'ordinary', null)).id);
  await desk.until((s) => s.state === 'offline' && s.waiting === 1);
  // It comes back from a backup older than this desktop's first push: it has no record of this desktop.
  await db.query('DELETE FROM sync_clients');
  await server.start();
  await desk.until((s) => s.state === 'synced' && s.waiting === 0, 30_000);

  const count = async (id: string) => Number((await db.query('SELECT count(*) AS n FROM work_orders WHERE id = $1', [id])).rows[0].n);
  expect(await count(first)).toBe(1);
  expect(await count(second)).toBe(1);
  await desk.close();
});
