import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';

// freePort hands out a port that is free when asked; on a busy machine another process can take it before
// PostgreSQL or the team server listens on it. Here the next port handed out is one this test already listens on.
const taken = vi.hoisted(() => ({ armed: false, port: 0, server: null as Server | null }));

vi.mock('../../../src-main/services/lab-pbx/ports', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/services/lab-pbx/ports')>();
  return {
    ...real,
    freePort: async () => {
      if (!taken.armed) return real.freePort();
      taken.armed = false;
      return taken.port;
    },
  };
});

/** Listens on a free port, and makes it the next one freePort hands out. */
async function takeTheNextPort(): Promise<number> {
  taken.server = createServer();
  await new Promise<void>((resolve) => taken.server!.listen(0, '127.0.0.1', resolve));
  taken.port = (taken.server.address() as { port: number }).port;
  taken.armed = true;
  return taken.port;
}

describe('team lab processes handed a port that was taken before they listened on it', () => {
  let pg: LabPostgres | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (taken.server ? taken.server.close(resolve) : resolve(undefined)));
    taken.server = null;
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('PostgreSQL starts on a fresh port', async () => {
    const { LabPostgres } = await import('../../../src-main/services/lab-team/lab-postgres');
    const held = await takeTheNextPort();
    pg = new LabPostgres();
    await pg.start();
    expect(taken.armed).toBe(false);
    expect(pg.url).not.toContain(`:${held}/`);
  }, 60_000);

  it('the team server starts on a fresh port and answers', async () => {
    const { LabTeamServer } = await import('../../../src-main/services/lab-team/lab-team-server');
    const { ROOT } = await import('./team-lab');
    const held = await takeTheNextPort();
    const server = new LabTeamServer(ROOT, pg!.url, LabTeamServer.secret());
    try {
      await server.start();
      expect(taken.armed).toBe(false);
      expect(server.port).not.toBe(held);
      expect((await fetch(`${server.url}/v1/sync/pull?after=0`)).status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
