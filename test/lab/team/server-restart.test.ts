import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamLab } from './team-lab';

// A team-server process started again (after a crash, a kill, a deploy) answers as soon as start() says it is up.
// start() used to look for the ready line in everything the server had logged, its previous run's lines too, so
// the restarted process counted as up at its first line of output, before it was listening. NODE_DEBUG=net makes
// it write lines (its database connections) before it listens, as a warning or a slow migration would.
let lab: Awaited<ReturnType<typeof startTeamLab>>;
beforeAll(async () => {
  lab = await startTeamLab([], 1, [], { NODE_DEBUG: 'net' });
}, 60_000);
afterAll(async () => {
  await lab?.stop();
});

it('is listening when its start again resolves', async () => {
  const server = lab.servers[0]!;
  for (let round = 1; round <= 3; round++) {
    await server.kill();
    await server.start();
    // Any answer will do (401: no token); a refused connection means it was not listening yet.
    const answer = await fetch(`${server.url}/v1/sync/pull?after=0`).then((r) => r.status, (err: Error) => `${err.message}: ${String(err.cause)}`);
    expect(answer, `round ${round}`).toBe(401);
  }
});
