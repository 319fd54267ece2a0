import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { LOG_LINES } from '../lab-helpers';
import { fileComplaint, pull, push, signIn, startTeamLab } from './team-lab';

// Real PostgreSQL 15 and a real team-server process: who may sign in, and who may see and change what.
const people = [
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north', name: '王小明' },
  { username: '1002', password: 'agent-pass-1002', role: 'agent' as const, team: 'north' },
  { username: 'spec1', password: 'spec-pass-0001', role: 'specialist' as const, team: 'north', queues: ['specialists'] },
  { username: 'lead1', password: 'lead-pass-0001', role: 'lead' as const, team: 'north' },
  { username: '2001', password: 'agent-pass-2001', role: 'agent' as const, team: 'south' },
  { username: '2002', password: 'agent-pass-2002', role: 'agent' as const, team: 'south' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let base = '';

beforeAll(async () => {
  lab = await startTeamLab(people);
  base = lab.servers[0]!.url;
}, 60_000);
afterAll(async () => lab?.stop());

describe('team server: accounts and authorisation', () => {
  it('answers /healthz with the database reachable', async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
  });

  it('signs in with the password set through the admin CLI and refuses a wrong one', async () => {
    const t = await signIn(base, '1001', 'agent-pass-1001');
    expect(t.user).toMatchObject({ username: '1001', role: 'agent', displayName: '王小明' });
    const wrong = await fetch(`${base}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '1001', password: 'nope-nope' }) });
    expect(wrong.status).toBe(401);
  });

  it('rate-limits wrong passwords per user name, with Retry-After', async () => {
    const attempt = () => fetch(`${base}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '1002', password: 'wrong-password' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await fetch(`${base}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '1002', password: 'agent-pass-1002' }) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts a burst of parallel wrong passwords too: no more than five are tried', async () => {
    const attempt = () => fetch(`${base}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '2002', password: 'guess-guess' }) });
    const statuses = (await Promise.all(Array.from({ length: 12 }, attempt))).map((r) => r.status);
    expect(statuses.filter((x) => x === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('refuses forged and expired tokens with 401 and logs the attempt', async () => {
    const forged = await new SignJWT({ name: '1001', role: 'lead', team: 1 }).setProtectedHeader({ alg: 'HS256' }).setSubject('1')
      .setAudience('agent-desktop-team-server').setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(40)));
    expect((await pull(base, forged)).status).toBe(401);
    expect((await pull(base, 'not-a-token')).status).toBe(401);
    await expect.poll(() => lab.servers[0]!.log, LOG_LINES).toContain('request refused: missing, forged or expired token');
  });

  it('rotates refresh tokens: a spent one is refused and revokes the session', async () => {
    const t = await signIn(base, 'lead1', 'lead-pass-0001');
    const refresh = (token: string) => fetch(`${base}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: token }) });
    const first = await refresh(t.refreshToken);
    expect(first.status).toBe(200);
    const next = (await first.json()) as { refreshToken: string };
    expect((await refresh(t.refreshToken)).status).toBe(401);
    // The replay revoked every session of that user, the fresh token included.
    expect((await refresh(next.refreshToken)).status).toBe(401);
  });

  it('never shows one team\'s work orders to another team, and refuses its changes', async () => {
    const north = await signIn(base, '1001', 'agent-pass-1001');
    const south = await signIn(base, '2001', 'agent-pass-2001');
    const filed = fileComplaint('difficult', 'charged twice for one order');
    expect((await push(base, north.accessToken, randomUUID(), [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const seen = await pull(base, south.accessToken);
    expect(seen.status).toBe(200);
    expect(seen.body.changes.filter((c) => c.entity === 'workOrder')).toEqual([]);
    const attempt = await push(base, south.accessToken, randomUUID(), [{ seq: 1, mutation: { kind: 'workOrder.setStatus', id: filed.workOrder.id, status: 'resolved', baseVersion: 1, note: '' } }]);
    expect(attempt.body.results[0]).toMatchObject({ outcome: 'rejected' });
    const northView = await pull(base, north.accessToken);
    const order = northView.body.changes.find((c) => c.entity === 'workOrder' && c.data.id === filed.workOrder.id);
    expect(order?.data).toMatchObject({ status: 'open', route: 'specialist', queue: 'specialists' });
  });

  it('shows a specialist only the queues she serves; an agent sees her team\'s', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const spec = await signIn(base, 'spec1', 'spec-pass-0001');
    const ordinary = fileComplaint('ordinary', 'late parcel, fixed on the call');
    const difficult = fileComplaint('difficult', 'refund refused twice');
    const r = await push(base, agent.accessToken, randomUUID(), [{ seq: 1, mutation: ordinary }, { seq: 2, mutation: difficult }]);
    expect(r.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied']);
    const specIds = (await pull(base, spec.accessToken)).body.changes.filter((c) => c.entity === 'workOrder').map((c) => c.data.id);
    expect(specIds).toContain(difficult.workOrder.id);
    expect(specIds).not.toContain(ordinary.workOrder.id);
    const agentIds = (await pull(base, agent.accessToken)).body.changes.filter((c) => c.entity === 'workOrder').map((c) => c.data.id);
    expect(agentIds).toEqual(expect.arrayContaining([difficult.workOrder.id, ordinary.workOrder.id]));
  });

  it('rejects a malformed push with 400 and a malformed change with its reason, writing nothing', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const before = (await pull(base, agent.accessToken)).body.cursor;
    const send = (body: unknown) =>
      fetch(`${base}/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.accessToken}` },
        body: JSON.stringify(body),
      });
    const malformedChange = { kind: 'workOrder.file', workOrder: { id: 'x' } };
    // The push itself malformed (no desktop id to answer): refused whole.
    const bad = await send({ clientId: 'not-a-desktop', mutations: [{ seq: 1, key: randomUUID(), mutation: malformedChange }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/push is not valid/);
    // A well-formed push with a malformed change: that change is refused with its reason (and recorded), not applied.
    const one = await send({ clientId: randomUUID(), mutations: [{ seq: 1, key: randomUUID(), mutation: malformedChange }] });
    expect(one.status).toBe(200);
    const [result] = ((await one.json()) as { results: { outcome: string; reason?: string }[] }).results;
    expect(result).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/^this change is not valid: workOrder\./u) });
    expect((await pull(base, agent.accessToken)).body.cursor).toBe(before);
    const huge = await fetch(`${base}/v1/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.accessToken}` }, body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
  });

  it('shows the team lead which desktops hold unsynced work, and nobody else', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const lead = await signIn(base, 'lead1', 'lead-pass-0001');
    const clientId = randomUUID();
    // A desktop reports what its outbox still holds with each pull (its first push registers it).
    await push(base, agent.accessToken, clientId, [{ seq: 1, mutation: { kind: 'agentState.change', state: 'ready', reason: null, at: Date.now() } }]);
    const r = await fetch(`${base}/v1/sync/pull?after=0&clientId=${clientId}&waiting=3`, { headers: { authorization: `Bearer ${agent.accessToken}` } });
    expect(r.status).toBe(200);
    const desktops = async (token: string) => fetch(`${base}/v1/team/desktops`, { headers: { authorization: `Bearer ${token}` } });
    const seen = await desktops(lead.accessToken);
    expect(seen.status).toBe(200);
    const list = ((await seen.json()) as { desktops: { username: string; waiting: number }[] }).desktops;
    expect(list.find((d) => d.username === '1001')?.waiting).toBe(3);
    expect(list.map((d) => d.username)).not.toContain('2001');
    expect((await desktops(agent.accessToken)).status).toBe(403);
  });

  it("a specialist cannot complete a follow-up on a work order she does not work on", async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const spec = await signIn(base, 'spec1', 'spec-pass-0001');
    const ordinary = fileComplaint('ordinary', 'fixed on the call, follow-up planned', Date.now());
    expect((await push(base, agent.accessToken, randomUUID(), [{ seq: 1, mutation: ordinary }])).body.results[0]!.outcome).toBe('applied');
    const followUpId = ordinary.followUps[0]!.id;
    const attempt = await push(base, spec.accessToken, randomUUID(), [{ seq: 1, mutation: { kind: 'followUp.complete', id: followUpId, csat: 1 } }]);
    expect(attempt.body.results[0]).toMatchObject({ outcome: 'rejected' });
    const own = await push(base, agent.accessToken, randomUUID(), [{ seq: 1, mutation: { kind: 'followUp.complete', id: followUpId, csat: 5 } }]);
    expect(own.body.results[0]!.outcome).toBe('applied');
  });

  it('a conflict is said again when the same push is retried (its first answer may have been lost)', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const filed = fileComplaint('ordinary', 'two hands on one work order');
    const desk = randomUUID();
    await push(base, agent.accessToken, desk, [{ seq: 1, mutation: filed }]);
    await push(base, agent.accessToken, desk, [{ seq: 2, mutation: { kind: 'workOrder.setStatus', id: filed.workOrder.id, status: 'in_progress', baseVersion: 1, note: '' } }]);
    const stale = [{ seq: 3, mutation: { kind: 'workOrder.setStatus' as const, id: filed.workOrder.id, status: 'resolved' as const, baseVersion: 1, note: '' } }];
    const first = await push(base, agent.accessToken, desk, stale);
    const again = await push(base, agent.accessToken, desk, stale);
    expect(first.body.results[0]).toMatchObject({ outcome: 'conflict', current: { status: 'in_progress', version: 2 } });
    expect(again.body.results[0]).toMatchObject({ outcome: 'conflict', current: { status: 'in_progress', version: 2 } });
  });

  it('a change PostgreSQL cannot store is rejected and the changes after it still apply', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const broken = fileComplaint('ordinary', 'half an emoji in the details');
    // A lone surrogate (an emoji cut in half by a slice): valid JSON for the contract, refused by jsonb.
    broken.workOrder.details = { whatHappened: 'cut \udc00 here' };
    const fine = fileComplaint('ordinary', 'the next one is fine');
    const r = await push(base, agent.accessToken, randomUUID(), [{ seq: 1, mutation: broken }, { seq: 2, mutation: fine }]);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.outcome)).toEqual(['rejected', 'applied']);
  });
});
