import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { silentLogger } from '../../app/logger';
import { Cache } from '../db/cache';
import type { Change, PullResponse, PushRequest, PushResponse } from '../../../src-shared/sync/contract';
import type { TeamClient } from './team-client';
import { TeamSync } from './team-sync';

// The sync worker against a scripted team server (its pull answers held back on purpose) and a real WebSocket
// server for the live channel: what a wake-up does when it arrives while a pull is still on its way.

const workOrder = (seq: number): Change => ({
  seq,
  entity: 'workOrder',
  data: {
    id: randomUUID(), displayId: `WO-${seq}`, teamId: 1, customer: { externalId: null, name: null, number: '+8613800000000' },
    complaintType: 'billing', severity: 'difficult', status: 'open', route: 'specialist', queue: 'complaints', assignee: null,
    createdBy: 'teammate', summary: `change ${seq}`, details: {}, createdAt: 1, updatedAt: 1, dueAt: 2, reopenedCount: 0, csat: null, version: 1,
  },
});

let dir: string;
let cache: Cache;
let wss: WebSocketServer;
let channel: Promise<WebSocket>;
let sync: TeamSync;
/** Every pull the worker made, with the answer it is waiting for. */
let pulls: { after: number; answer: (r: PullResponse) => void }[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'team-sync-'));
  cache = new Cache(join(dir, 'cache.sqlite'), Date.now, { teamSync: true });
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/sync/live' });
  await new Promise((r) => wss.once('listening', r));
  channel = new Promise((r) => wss.once('connection', r));
  pulls = [];
  const client = {
    baseUrl: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    username: 'agent-1',
    user: { id: 1, username: 'agent-1', role: 'agent', teamId: 1, displayName: 'Agent 1' },
    token: 'token',
    forgetAccessToken: () => undefined,
    signIn: async () => client.user,
    push: async () => ({ results: [], lastSeq: 0 }),
    pull: (after: number) => new Promise<PullResponse>((answer) => pulls.push({ after, answer })),
  } as unknown as TeamClient;
  sync = new TeamSync(cache.workOrdersDb, cache.outbox, client, silentLogger, () => 'agent-1', cache.db);
});

afterEach(async () => {
  await sync.stop();
  cache.close();
  await new Promise((r) => wss.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const nextPull = async (count: number) => expect.poll(() => pulls.length).toBe(count);
const uuidsOnDesk = () => cache.db.prepare<[], { summary: string }>('SELECT summary FROM work_orders ORDER BY summary').all().map((r) => r.summary);

/** Resolves once the desktop's end of the live channel has handled n more messages (its own handler runs first). */
function received(n: number): Promise<void> {
  const socket = (sync as unknown as { live: WebSocket }).live;
  let left = n;
  return new Promise((resolve) => socket.on('message', () => --left === 0 && resolve()));
}

/** Started and synced with the live channel open, then a second run whose pull is still on its way. */
async function pullOnItsWay(): Promise<WebSocket> {
  sync.start();
  await nextPull(1);
  pulls[0]!.answer({ changes: [], cursor: 4, more: false, clientLastSeq: null });
  const ws = await channel;
  sync.kick();
  await nextPull(2);
  return ws;
}

describe('a wake-up while a pull is on its way', () => {
  it('is applied after that pull when it continues it, with no pull more', async () => {
    const ws = await pullOnItsWay();
    const arrived = received(1);
    ws.send(JSON.stringify({ type: 'changed', seq: 6, after: 5, changes: [workOrder(6)] }));
    await arrived;
    pulls[1]!.answer({ changes: [workOrder(5)], cursor: 5, more: false, clientLastSeq: null });
    await expect.poll(uuidsOnDesk).toEqual(['change 5', 'change 6']);
    await expect.poll(() => sync.status().state).toBe('synced');
    expect(pulls).toHaveLength(2);
  });

  it('that the pull went past is dropped, with no pull more', async () => {
    const ws = await pullOnItsWay();
    const arrived = received(1);
    ws.send(JSON.stringify({ type: 'changed', seq: 6, after: 5, changes: [workOrder(6)] }));
    await arrived;
    pulls[1]!.answer({ changes: [workOrder(5), workOrder(6), workOrder(7)], cursor: 7, more: false, clientLastSeq: null });
    await expect.poll(uuidsOnDesk).toEqual(['change 5', 'change 6', 'change 7']);
    await expect.poll(() => (sync as unknown as { running: unknown }).running).toBeNull();
    expect(pulls).toHaveLength(2);
  });

  it('beyond a gap makes the desktop pull again from where it is', async () => {
    const ws = await pullOnItsWay();
    const arrived = received(1);
    ws.send(JSON.stringify({ type: 'changed', seq: 9, after: 8, changes: [workOrder(9)] }));
    await arrived;
    pulls[1]!.answer({ changes: [workOrder(5)], cursor: 5, more: false, clientLastSeq: null });
    await nextPull(3);
    expect(pulls[2]!.after).toBe(5);
    pulls[2]!.answer({ changes: [workOrder(6), workOrder(7), workOrder(8), workOrder(9)], cursor: 9, more: false, clientLastSeq: null });
    await expect.poll(uuidsOnDesk).toEqual(['change 5', 'change 6', 'change 7', 'change 8', 'change 9']);
  });
});

describe('the live channel on (re)connecting', () => {
  it('takes a message about published knowledge as no news of the team feed: no feed pull for it', async () => {
    sync.start();
    await nextPull(1);
    pulls[0]!.answer({ changes: [], cursor: 4, more: false, clientLastSeq: null });
    const ws = await channel;
    await expect.poll(() => sync.status().state).toBe('synced');
    const arrived = received(1);
    ws.send(JSON.stringify({ type: 'knowledge', seq: 3 }));
    await arrived;
    await expect.poll(() => (sync as unknown as { running: unknown }).running).toBeNull();
    expect(pulls).toHaveLength(1);
  });

  it('opens before the pull, so a wake-up naming where the pull gets to costs no second pull', async () => {
    let connectedBeforePull = false;
    void channel.then(() => (connectedBeforePull = pulls.length === 0));
    sync.start();
    await nextPull(1);
    expect(connectedBeforePull).toBe(true);
    const ws = await channel;
    const arrived = received(1);
    ws.send(JSON.stringify({ type: 'changed', seq: 4 }));
    await arrived;
    pulls[0]!.answer({ changes: [workOrder(3), workOrder(4)], cursor: 4, more: false, clientLastSeq: null });
    await expect.poll(() => sync.status().state).toBe('synced');
    expect(uuidsOnDesk()).toEqual(['change 3', 'change 4']);
    expect(pulls).toHaveLength(1);
  });

  it('that cannot open does not stop the desktop syncing by pulling', async () => {
    await new Promise((r) => wss.close(r));
    sync.start();
    await nextPull(1);
    pulls[0]!.answer({ changes: [workOrder(1)], cursor: 1, more: false, clientLastSeq: null });
    await expect.poll(() => sync.status().state).toBe('synced');
    expect(uuidsOnDesk()).toEqual(['change 1']);
  });
});

describe('the safety-net pull', () => {
  it('runs every 30 s while the live channel is down and every 5 minutes while it is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      sync.start();
      await nextPull(1);
      pulls[0]!.answer({ changes: [], cursor: 0, more: false, clientLastSeq: null });
      const ws = await channel;
      await expect.poll(() => sync.status().state).toBe('synced');
      // Open (its pings answered as time goes by): nine quiet half-minutes, then the tenth pulls.
      const live = () => (sync as unknown as { live: WebSocket }).live;
      let elapsed = 0;
      const pass = async (ms: number) => {
        for (const end = elapsed + ms; elapsed < end; elapsed += 10_000) {
          const pong = elapsed % 20_000 === 10_000 ? new Promise((r) => live().once('pong', r)) : null;
          await vi.advanceTimersByTimeAsync(10_000);
          await pong;
        }
      };
      await pass(9 * 30_000);
      expect(pulls).toHaveLength(1);
      await pass(30_000);
      await nextPull(2);
      pulls[1]!.answer({ changes: [], cursor: 0, more: false, clientLastSeq: null });
      await expect.poll(() => sync.status().state).toBe('synced');
      // Down (the server closed it, and will not take it back): the next half-minute pulls.
      wss.close();
      ws.terminate();
      // It tries the channel again at once (and fails), pulling as it does.
      await nextPull(3);
      pulls[2]!.answer({ changes: [], cursor: 0, more: false, clientLastSeq: null });
      await expect.poll(() => sync.status().state).toBe('synced');
      await vi.advanceTimersByTimeAsync(30_000);
      await nextPull(4);
      pulls[3]!.answer({ changes: [], cursor: 0, more: false, clientLastSeq: null });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a live channel that stops answering', () => {
  it('is dropped after a ping goes unanswered, and the desktop connects again', async () => {
    await new Promise((r) => wss.close(r));
    // A server end that never answers pings, as a connection a NAT forgot looks from the desktop.
    wss = new WebSocketServer({ host: '127.0.0.1', port: Number(new URL((sync as unknown as { client: TeamClient }).client.baseUrl).port), path: '/v1/sync/live', autoPong: false });
    await new Promise((r) => wss.once('listening', r));
    const first = new Promise<WebSocket>((r) => wss.once('connection', r));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      sync.start();
      await nextPull(1);
      pulls[0]!.answer({ changes: [], cursor: 0, more: false, clientLastSeq: null });
      const socket = await first;
      const closed = new Promise((r) => socket.once('close', r));
      const again = new Promise<WebSocket>((r) => wss.once('connection', r));
      await vi.advanceTimersByTimeAsync(20_000); // ping sent, no pong
      await vi.advanceTimersByTimeAsync(20_000); // still none: dropped
      await closed;
      // Open again, its hello says the feed moved on meanwhile: the desktop pulls.
      (await again).send(JSON.stringify({ type: 'changed', seq: 3 }));
      await nextPull(2);
      pulls[1]!.answer({ changes: [], cursor: 3, more: false, clientLastSeq: null });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a work order pulled from the team', () => {
  it('keeps the queue of the call it was filed on, for her figures per queue', async () => {
    sync.start();
    await nextPull(1);
    const change = workOrder(1);
    if (change.entity !== 'workOrder') throw new Error('a work order change');
    pulls[0]!.answer({ changes: [{ ...change, data: { ...change.data, callQueue: 'vip' } }], cursor: 1, more: false, clientLastSeq: null });
    await expect.poll(() => cache.db.prepare('SELECT summary, call_queue FROM work_orders').all()).toEqual([{ summary: 'change 1', call_queue: 'vip' }]);
  });
});

describe('a push whose answer carries the team\'s changes', () => {
  it('is not followed by a pull, nor is the live channel opening again after a drop while the desktop is current', async () => {
    const pushes: { after: number | undefined; answer: (r: PushResponse) => void }[] = [];
    sync.teamClient.push = (body: PushRequest) => new Promise<PushResponse>((answer) => pushes.push({ after: body.after, answer }));
    sync.start();
    await nextPull(1);
    pulls[0]!.answer({ changes: [], cursor: 4, more: false, clientLastSeq: null });
    const first = await channel;
    await expect.poll(() => sync.status().state).toBe('synced');

    // Her call record goes out; the server's answer brings it back with a teammate's work order.
    cache.db.transaction(() => cache.callsOutbox.add(randomUUID(), { kind: 'agentState.change', state: 'ready', reason: null, at: Date.now() }))();
    await expect.poll(() => pushes.length).toBe(1);
    expect(pushes[0]!.after).toBe(4);
    // Meanwhile the live channel drops (a server process restarting): the desktop opens it again.
    channel = new Promise((r) => wss.once('connection', r));
    first.close();
    pushes[0]!.answer({ results: [{ seq: 1, outcome: 'applied' }], lastSeq: 1, pull: { changes: [workOrder(5)], cursor: 5, more: false, clientLastSeq: 1 } });
    await expect.poll(uuidsOnDesk).toEqual(['change 5']);
    const second = await channel;
    second.send(JSON.stringify({ type: 'changed', seq: 5 }));
    await expect.poll(() => sync.status()).toMatchObject({ state: 'synced', waiting: 0 });
    await expect.poll(() => (sync as unknown as { running: unknown }).running).toBeNull();
    expect(pulls).toHaveLength(1);
  });
});

describe('the worker\'s own statements', () => {
  it('are prepared once: a second push and its answer prepare none (a floor coming back ran them for every desktop)', async () => {
    const pushes: ((r: PushResponse) => void)[] = [];
    sync.teamClient.push = () => new Promise<PushResponse>((answer) => pushes.push(answer));
    sync.start();
    await nextPull(1);
    pulls[0]!.answer({ changes: [], cursor: 4, more: false, clientLastSeq: null });
    await expect.poll(() => sync.status().state).toBe('synced');
    const call = (n: number) => {
      cache.db.transaction(() => cache.callsOutbox.add(randomUUID(), { kind: 'agentState.change', state: 'ready', reason: null, at: Date.now() }))();
      return expect.poll(() => pushes.length).toBe(n);
    };
    await call(1);
    pushes[0]!({ results: [{ seq: 1, outcome: 'applied' }], lastSeq: 1, pull: { changes: [workOrder(5)], cursor: 5, more: false, clientLastSeq: 1 } });
    await expect.poll(() => sync.status()).toMatchObject({ state: 'synced', waiting: 0 });

    const prepares = [vi.spyOn(cache.db, 'prepare'), vi.spyOn(cache.workOrdersDb, 'prepare')];
    await call(2);
    pushes[1]!({ results: [{ seq: 2, outcome: 'applied' }], lastSeq: 2, pull: { changes: [workOrder(6)], cursor: 6, more: false, clientLastSeq: 2 } });
    await expect.poll(uuidsOnDesk).toEqual(['change 5', 'change 6']);
    await expect.poll(() => sync.status()).toMatchObject({ state: 'synced', waiting: 0 });
    // (uuidsOnDesk, the test's own look at the rows, is left out.)
    const ours = (p: (typeof prepares)[number]) => p.mock.calls.map((c) => String(c[0])).filter((sql) => !sql.startsWith('SELECT summary FROM work_orders'));
    expect(prepares.map(ours)).toEqual([[], []]);
  });
});
