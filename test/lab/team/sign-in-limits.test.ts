import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../src-main/services/lab-team/lab-team-server';
import { LOG_LINES } from '../lab-helpers';
import { ROOT } from './team-lab';

// Real PostgreSQL and a team-server process: many user names guessed from one address are limited as a whole
// (429 with Retry-After), while a sign-in from another address still goes through.
let pg: LabPostgres;
let server: LabTeamServer;
beforeAll(async () => {
  pg = new LabPostgres();
  await pg.start();
  server = new LabTeamServer(ROOT, pg.url, LabTeamServer.secret(), { AGENT_SERVER_MAX_LOGIN_FAILURES_PER_ADDRESS: '10' });
  await server.start();
  server.addPeople([{ username: '8101', password: 'right-pass-8101', role: 'agent', team: 'north' }]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await pg?.stop();
});

/** A sign-in sent from a chosen loopback address (the server sees it as the client's address). */
function signInFrom(localAddress: string, username: string, password: string): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username, password });
    const req = request(
      { host: '127.0.0.1', port: server.port, path: '/v1/auth/sign-in', method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

it('limits many names guessed from one address, with Retry-After, and not the sign-ins from elsewhere', async () => {
  const statuses: number[] = [];
  // One guess per name: the per-name limit (five) never trips, only the per-address one can.
  for (let i = 0; i < 12; i++) statuses.push((await signInFrom('127.0.0.1', `guess-${i}`, 'password1')).status);
  expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  const limited = await signInFrom('127.0.0.1', '8101', 'right-pass-8101');
  expect(limited.status).toBe(429);
  expect(Number(limited.retryAfter)).toBeGreaterThan(0);
  // The server's log line comes through its stdout pipe and may trail the 429 this test already has.
  await expect.poll(() => server.log, LOG_LINES).toContain('sign-in refused: too many wrong passwords from this address');
  // The same person from another computer is not locked out by the guesser.
  expect((await signInFrom('127.0.0.2', '8101', 'right-pass-8101')).status).toBe(200);
});
