import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOG_LINES } from '../lab-helpers';
import { startTeamLab } from './team-lab';
import { TestDesktop } from './team-desktop';

// Real PostgreSQL and a team-server process: a desktop whose password the server refused does not send it again
// on every poll or write (five of those would lock her name for 15 minutes); it waits for a new one in settings.
let lab: Awaited<ReturnType<typeof startTeamLab>>;
beforeAll(async () => {
  lab = await startTeamLab([{ username: '7101', password: 'right-pass-7101', role: 'agent', team: 'north' }]);
}, 60_000);
afterAll(async () => lab?.stop());

it('sends a refused password once, however often the sync worker runs', async () => {
  const server = lab.servers[0]!;
  const desk = new TestDesktop('7101', 'wrong-pass-7101');
  const sync = desk.connect(server.url);
  await desk.until((s) => s.state === 'signed-out');
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 4; i++) {
    // Each run ends with a status; the next kick starts after it.
    const next = new Promise((resolve) => sync.once('status', resolve));
    sync.kick();
    await next;
    await desk.until((s) => s.state === 'signed-out');
    // The run that emitted it ends on the next turn; a kick before that would only mark it dirty.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Each attempt is logged before its refusal is sent, so every line is written by now; reading them through the
  // server's stdout pipe may trail a little.
  const failures = () => server.log.split('\n').filter((l) => l.includes('"sign-in failed"') && l.includes('7101')).length;
  await expect.poll(failures, LOG_LINES).toBe(1);
  await desk.close();
});
