import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../src-main/services/lab-team/lab-team-server';
import { pull, ROOT, signIn } from './team-lab';
import { TestDesktop } from './team-desktop';

// Real PostgreSQL and a team-server process with 5-second access tokens: a live channel lives no longer than the
// token that opened it (the desktop comes back with a fresh one), and a password reset or a disabled account
// closes her channels at once and signs her desktop out.
const people = [
  { username: '9101', password: 'pass-9101-long', role: 'agent' as const, team: 'north' },
  { username: '9102', password: 'pass-9102-long', role: 'agent' as const, team: 'north' },
  { username: '9103', password: 'pass-9103-long', role: 'agent' as const, team: 'north' },
];
let pg: LabPostgres;
let server: LabTeamServer;
beforeAll(async () => {
  pg = new LabPostgres();
  await pg.start();
  server = new LabTeamServer(ROOT, pg.url, LabTeamServer.secret(), { AGENT_SERVER_ACCESS_TOKEN_SECONDS: '5' });
  await server.start();
  server.addPeople(people);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await pg?.stop();
});

const logged = (user: string, msg: string) => server.log.split('\n').filter((l) => l.includes(`"user":"${user}"`) && l.includes(`"msg":"${msg}"`)).length;

function admin(args: string[], input = ''): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'out/server/admin.js'), ...args], { env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: pg.url }, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`admin ${args[0]} failed: ${r.stderr}`);
}

describe('live channel', () => {
  it('is closed when its access token expires, and the desktop comes back on a fresh token', async () => {
    const desk = new TestDesktop('9101', 'pass-9101-long');
    desk.connect(server.url);
    try {
      await desk.until((s) => s.state === 'synced');
      await expect.poll(() => logged('9101', 'live channel open'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      await expect.poll(() => logged('9101', 'live channel closed: token expired'), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await expect.poll(() => logged('9101', 'live channel open'), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(desk.sync!.status()).toMatchObject({ state: 'synced', user: { username: '9101' } });
    } finally {
      await desk.close();
    }
  });

  for (const [user, password, change] of [
    ['9102', 'pass-9102-long', 'reset-password'],
    ['9103', 'pass-9103-long', 'disable-user'],
  ] as const) {
    it(`is closed at once by ${change}, and her desktop is signed out`, async () => {
      const desk = new TestDesktop(user, password);
      desk.connect(server.url);
      try {
        await desk.until((s) => s.state === 'synced');
        await expect.poll(() => logged(user, 'live channel open'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
        const before = await signIn(server.url, user, password);
        admin([change, user], change === 'reset-password' ? 'a-new-password-1\n' : '');
        // "At once" is told by the reason logged: had the change not closed it, the channel would close only as its
        // 5-second token expires, logged as "token expired". How long the line takes to reach us is not the point.
        await expect.poll(() => logged(user, 'live channel closed: account changed'), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
        await desk.until((s) => s.state === 'signed-out', 15_000);
        // An access token issued before the change is refused over HTTP too, not only on the live channel.
        expect((await pull(server.url, before.accessToken)).status).toBe(401);
      } finally {
        await desk.close();
      }
    });
  }
});
