import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { silentLogger } from '../../app/logger';
import { Cache } from '../db/cache';
import type { Change, PullResponse } from '../../../src-shared/sync/contract';
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

  it('that the pull went past is dropped; one beyond a gap makes the desktop pull again', async () => {
    const ws = await pullOnItsWay();
    const arrived = received(2);
    ws.send(JSON.stringify({ type: 'changed', seq: 5, after: 4, changes: [workOrder(5)] }));
    ws.send(JSON.stringify({ type: 'changed', seq: 9, after: 8, changes: [workOrder(9)] }));
    await arrived;
    pulls[1]!.answer({ changes: [workOrder(5)], cursor: 5, more: false, clientLastSeq: null });
    await nextPull(3);
    expect(pulls[2]!.after).toBe(5);
    pulls[2]!.answer({ changes: [workOrder(8), workOrder(9)], cursor: 9, more: false, clientLastSeq: null });
    await expect.poll(uuidsOnDesk).toEqual(['change 5', 'change 8', 'change 9']);
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
