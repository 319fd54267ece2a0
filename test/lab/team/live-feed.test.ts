import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { TeamClient } from '../../../src-main/services/sync/team-client';
import type { LiveMessage } from '../../../src-shared/sync/contract';
import { complaintForm, TestDesktop } from './team-desktop';
import { fileComplaint, push, signIn, startTeamLab } from './team-lab';

// The live channel of real team-server processes on a real PostgreSQL: a wake-up carries what each person may see.
const people = [
  { username: 'spec9', password: 'spec-pass-0009', role: 'specialist' as const, team: 'north', queues: ['specialists'] },
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
  { username: '1002', password: 'agent-pass-1002', role: 'agent' as const, team: 'north' },
  { username: 'spec1', password: 'spec-pass-0001', role: 'specialist' as const, team: 'north', queues: ['specialists'] },
  { username: '2001', password: 'agent-pass-2001', role: 'agent' as const, team: 'south' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
const closers: (() => unknown)[] = [];

beforeAll(async () => {
  lab = await startTeamLab(people, 2);
}, 60_000);
afterAll(async () => {
  for (const c of closers) await c();
  await lab?.stop();
});

/** A live socket as the desktop opens it, keeping every message it receives. */
async function listen(base: string, username: string): Promise<{ messages: LiveMessage[]; closed: Promise<number> }> {
  const t = await signIn(base, username, people.find((p) => p.username === username)!.password);
  // The desktop's own frame limit: a larger frame would close its socket.
  const ws = new WebSocket(`${base.replace('http', 'ws')}/v1/sync/live`, { headers: { authorization: `Bearer ${t.accessToken}` }, maxPayload: 64 * 1024 });
  const messages: LiveMessage[] = [];
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as LiveMessage));
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  // The hello (where the feed stands) is set aside: the tests look at what changes bring.
  await new Promise((resolve) => ws.once('message', resolve));
  messages.length = 0;
  closers.push(() => ws.close());
  return { messages, closed };
}

/**
 * How long a change may take from a push on one server process to a socket on another (PostgreSQL's NOTIFY, a
 * re-read, the frame): milliseconds on a quiet machine, seconds on a loaded one; vi.waitFor gives up after 1 s.
 */
const DELIVERED = { timeout: 15_000 };

const orderIds = (m: LiveMessage) => (m.changes ?? []).flatMap((c) => (c.entity === 'workOrder' ? [c.data.id] : []));

describe('the live channel', () => {
  it('sends each desktop of the team what she may see of a change, and nothing to another team', async () => {
    const [a, b] = lab.servers.map((s) => s.url) as [string, string];
    const teammate = await listen(b, '1002');
    const specialist = await listen(a, 'spec1');
    const otherTeam = await listen(b, '2001');
    const agent = await signIn(a, '1001', 'agent-pass-1001');
    const clientId = randomUUID();
    // A warm-up change first: where the stretch starts is learned from the hellos (or, without them, a plain wake-up).
    await push(a, agent.accessToken, clientId, [{ seq: 1, mutation: fileComplaint('ordinary', 'warm-up') }]);
    await vi.waitFor(() => expect(teammate.messages.some((m) => m.seq > 0)).toBe(true), DELIVERED);

    const ordinary = fileComplaint('ordinary', 'late delivery');
    const difficult = fileComplaint('difficult', 'charged twice', Date.now() + 3600_000);
    await push(a, agent.accessToken, clientId, [{ seq: 2, mutation: ordinary }, { seq: 3, mutation: difficult }]);

    const carried = (m: { messages: LiveMessage[] }) => m.messages.flatMap(orderIds);
    await vi.waitFor(() => expect(carried(teammate)).toEqual(expect.arrayContaining([ordinary.workOrder.id, difficult.workOrder.id])), DELIVERED);
    // The specialist's queue: the difficult complaint routed to it, not the ordinary one, nor its callback.
    await vi.waitFor(() => expect(carried(specialist)).toContain(difficult.workOrder.id), DELIVERED);
    expect(carried(specialist)).not.toContain(ordinary.workOrder.id);
    const specFollowUps = specialist.messages.flatMap((m) => m.changes ?? []).filter((c) => c.entity === 'followUp');
    expect(specFollowUps.every((c) => c.entity === 'followUp' && c.data.workOrderId === difficult.workOrder.id)).toBe(true);
    // Each message continues the one before: a desktop that applies them never misses a position.
    const stretches = teammate.messages.filter((m) => m.after !== undefined);
    for (let i = 1; i < stretches.length; i++) expect(stretches[i]!.after).toBe(stretches[i - 1]!.seq);
    expect(otherTeam.messages.filter((m) => m.seq > 0)).toEqual([]);
  });

  it('a teammate\'s work order reaches a current desktop with the wake-up, without a pull', async () => {
    const agent = new TestDesktop('1001', 'agent-pass-1001');
    const teammate = new TestDesktop('1002', 'agent-pass-1002');
    closers.push(() => agent.close(), () => teammate.close());
    agent.connect(lab.servers[0]!.url);
    teammate.connect(lab.servers[1]!.url);
    await Promise.all([agent.until((s) => s.state === 'synced'), teammate.until((s) => s.state === 'synced')]);
    // Let the server process learn where the stretch starts (the first wake-up is plain) and the desktop catch up.
    const sync = teammate.sync!;
    // Settled: the status said right after the first work order came in ends the pull or live message that brought it.
    const settled = new Promise((resolve) => sync.on('pulled', () => teammate.workOrder(first) && sync.once('status', resolve)));
    const first = agent.uuidOf(agent.filing.file('1001', complaintForm('first of the shift', 'ordinary', null)).id);
    await settled;

    const pulls = vi.spyOn(TeamClient.prototype, 'pull');
    const pulledBy = () => pulls.mock.contexts.filter((c) => (c as TeamClient).baseUrl === lab.servers[1]!.url).length;
    const uuid = agent.uuidOf(agent.filing.file('1001', complaintForm('charged twice for order 5521')).id);
    expect(await teammate.untilWorkOrder(uuid, () => true)).toMatchObject({ severity: 'difficult', queue: 'specialists' });
    expect(pulledBy()).toBe(0);
    pulls.mockRestore();
    await agent.close();
    await teammate.close();
  });

  it('a desktop that connects current is not sent back to pull by the live channel\'s hello', async () => {
    const pulls = vi.spyOn(TeamClient.prototype, 'pull');
    const desk = new TestDesktop('1002', 'agent-pass-1002');
    closers.push(() => desk.close());
    desk.connect(lab.servers[1]!.url);
    await desk.until((s) => s.state === 'synced');
    // A teammate's change comes over the same socket after the hello: once it is here, the hello was handled.
    const agent = await signIn(lab.servers[0]!.url, '1001', 'agent-pass-1001');
    const after = fileComplaint('ordinary', 'after the hello');
    await push(lab.servers[0]!.url, agent.accessToken, randomUUID(), [{ seq: 1, mutation: after }]);
    await desk.untilWorkOrder(after.workOrder.id, () => true);
    expect(pulls.mock.contexts.filter((c) => (c as TeamClient).baseUrl === lab.servers[1]!.url)).toHaveLength(1);
    pulls.mockRestore();
  });

  it('a process that has just started carries the team\'s first change in the wake-up: the hello said where its desktops stand', async () => {
    const b = lab.servers[1]!;
    await b.kill();
    await b.start();
    const teammate = await listen(b.url, '1002');
    const agent = await signIn(lab.servers[0]!.url, '1001', 'agent-pass-1001');
    const first = fileComplaint('ordinary', 'first after the restart');
    await push(lab.servers[0]!.url, agent.accessToken, randomUUID(), [{ seq: 1, mutation: first }]);
    await vi.waitFor(() => expect(teammate.messages.length).toBeGreaterThan(0), DELIVERED);
    expect(orderIds(teammate.messages[0]!)).toEqual([first.workOrder.id]);
  });

  it('a person disabled while connected is sent nothing more and her socket is closed', async () => {
    const a = lab.servers[0]!.url;
    const leaving = await listen(a, 'spec9');
    const agent = await signIn(a, '1002', 'agent-pass-1002');
    const clientId = randomUUID();
    await push(a, agent.accessToken, clientId, [{ seq: 1, mutation: fileComplaint('difficult', 'before she left', Date.now() + 3600_000) }]);
    await vi.waitFor(() => expect(leaving.messages.some((m) => m.seq > 0)).toBe(true), DELIVERED);
    const received = leaving.messages.length;

    const db = new pg.Client({ connectionString: lab.pg.url });
    await db.connect();
    await db.query("UPDATE users SET disabled = true WHERE username = 'spec9'");
    await db.end();
    const secret = fileComplaint('difficult', 'after she left', Date.now() + 3600_000);
    await push(a, agent.accessToken, clientId, [{ seq: 2, mutation: secret }]);
    expect(await leaving.closed).toBe(4401);
    expect(leaving.messages.slice(received).flatMap(orderIds)).not.toContain(secret.workOrder.id);
  });

  it('a change too large for one frame (Chinese text is three bytes a character) is a plain wake-up, not a dropped socket', async () => {
    const a = lab.servers[0]!.url;
    const teammate = await listen(a, '1002');
    const agent = await signIn(a, '1001', 'agent-pass-1001');
    const clientId = randomUUID();
    await push(a, agent.accessToken, clientId, [{ seq: 1, mutation: fileComplaint('ordinary', 'warm-up') }]);
    await vi.waitFor(() => expect(teammate.messages.some((m) => m.seq > 0)).toBe(true), DELIVERED);
    const before = teammate.messages.length;

    const long = fileComplaint('difficult', 'a long story', Date.now() + 3600_000);
    long.workOrder.details = { whatHappened: '扣'.repeat(19_900) };
    long.followUps[0]!.note = '回'.repeat(2000);
    expect((await push(a, agent.accessToken, clientId, [{ seq: 2, mutation: long }])).body.results[0]!.outcome).toBe('applied');
    await vi.waitFor(() => expect(teammate.messages.length).toBeGreaterThan(before), DELIVERED);
    const wakeUp = teammate.messages[before]!;
    expect(wakeUp.changes).toBeUndefined();
    expect(wakeUp.seq).toBeGreaterThan(0);
  });
});
