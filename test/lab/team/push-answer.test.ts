import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/contract';
import { callRecord, fileComplaint, signIn, startTeamLab } from './team-lab';
import { complaintForm, TestDesktop } from './team-desktop';

// The push's answer carries the team's changes after the desktop's cursor (read after the push committed, under
// the same policy as a pull), so a desktop that pushes (a write, or coming back after a fault with work queued)
// does not send a pull of its own: a real team-server process on a real PostgreSQL, its requests counted in its log.
const people = [
  { username: '7101', password: 'pass-7101-long', role: 'agent' as const, team: 'north' },
  { username: '7102', password: 'pass-7102-long', role: 'agent' as const, team: 'north' },
  { username: '7201', password: 'pass-7201-long', role: 'agent' as const, team: 'south' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let base = '';
beforeAll(async () => {
  lab = await startTeamLab(people, 1);
  base = lab.servers[0]!.url;
}, 60_000);
afterAll(async () => {
  await lab?.stop();
});

/** The sync requests the server took since `from` (epoch ms), by path, from its "incoming request" log lines. */
function requestsSince(from: number): Record<'push' | 'pull' | 'live', number> {
  const n = { push: 0, pull: 0, live: 0 };
  for (const line of lab.servers[0]!.log.split('\n')) {
    if (!line.includes('"incoming request"')) continue;
    const entry = JSON.parse(line) as { time: number; req: { url: string } };
    const kind = /^\/v1\/sync\/(push|pull|live)\b/.exec(entry.req.url)?.[1] as keyof typeof n | undefined;
    if (kind && entry.time >= from) n[kind]++;
  }
  return n;
}

async function pushAfter(token: string, clientId: string, after: number, mutations: unknown[]) {
  const r = await fetch(`${base}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId, mutations, after, waiting: 0 }),
  });
  return { status: r.status, body: (await r.json()) as PushResponse };
}

describe("the push's answer carries the changes after the cursor", () => {
  it('a desktop coming back with work queued pushes and does not pull; it has its teammate\'s work and its own as the server holds it', async () => {
    const mine = new TestDesktop('7101', 'pass-7101-long');
    const teammate = new TestDesktop('7102', 'pass-7102-long');
    try {
      mine.connect(base);
      teammate.connect(base);
      await mine.until((s) => s.state === 'synced');
      await teammate.until((s) => s.state === 'synced');
      // She is away (the network gone, the laptop closed); meanwhile her teammate files one, and she files one.
      await mine.sync!.stop();
      const theirs = teammate.uuidOf(teammate.filing.file('7102', complaintForm('billed for a cancelled plan')).id);
      await teammate.until((s) => s.state === 'synced' && s.waiting === 0);
      await teammate.close();
      const ours = mine.uuidOf(mine.filing.file('7101', complaintForm('router never arrived')).id);

      const back = Date.now();
      mine.connect(base);
      await mine.until((s) => s.state === 'synced' && s.waiting === 0);
      expect(mine.workOrder(theirs)).toMatchObject({ status: expect.any(String) as string, version: 1 });
      // Her own, routed by the server (a difficult complaint goes to the specialists' queue): the server's copy.
      expect(mine.workOrder(ours)).toMatchObject({ queue: expect.any(String) as string, version: 1 });
      // The server's log reaches this process on its own pipe, maybe after the answers did.
      await expect.poll(() => requestsSince(back).push + requestsSince(back).live).toBe(2);
      expect(requestsSince(back)).toEqual({ push: 1, pull: 0, live: 1 });

      // And a write while connected: its push, and nothing else.
      const next = Date.now();
      const another = mine.uuidOf(mine.filing.file('7101', complaintForm('second call about the router', 'ordinary', null)).id);
      await mine.until((s) => s.state === 'synced' && s.waiting === 0);
      await expect.poll(() => requestsSince(next).push).toBe(1);
      expect(requestsSince(next)).toEqual({ push: 1, pull: 0, live: 0 });
      expect(mine.workOrder(another)).toMatchObject({ version: 1 });
    } finally {
      await mine.close();
      await teammate.close();
    }
  });

  it('holds only what the pusher may see: her team\'s changes, never another team\'s', async () => {
    const north = await signIn(base, '7102', 'pass-7102-long');
    const south = await signIn(base, '7201', 'pass-7201-long');
    const southDesk = randomUUID();
    const filed = fileComplaint('ordinary', 'south only');
    expect((await pushAfter(south.accessToken, southDesk, 0, [{ seq: 1, key: randomUUID(), mutation: filed }])).body.pull?.changes.some((c) => c.data.id === filed.workOrder.id)).toBe(true);

    const call = callRecord();
    const answer = await pushAfter(north.accessToken, randomUUID(), 0, [{ seq: 1, key: randomUUID(), mutation: call }]);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([{ seq: 1, outcome: 'applied' }]);
    const ids = answer.body.pull!.changes.map((c) => c.data.id);
    expect(ids).toContain(call.contact.id);
    expect(ids).not.toContain(filed.workOrder.id);
    expect(answer.body.pull!.clientLastSeq).toBe(1);
  });
});
