import { randomUUID } from 'node:crypto';
import { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer, type LabPerson } from '../../../src-main/services/lab-team/lab-team-server';
import type { Mutation, PullResponse, PushResponse, TokenResponse } from '../../../src-shared/sync/contract';

export const ROOT = new URL('../../../', import.meta.url).pathname;

/** A real PostgreSQL and team-server processes on loopback, with people created by the admin CLI. */
export async function startTeamLab(people: LabPerson[], servers = 1, pgSettings: string[] = [], serverEnv: Record<string, string> = {}): Promise<{ pg: LabPostgres; servers: LabTeamServer[]; stop: () => Promise<void> }> {
  const pg = new LabPostgres('teamserver', pgSettings);
  await pg.start();
  const secret = LabTeamServer.secret();
  const list = Array.from({ length: servers }, () => new LabTeamServer(ROOT, pg.url, secret, serverEnv));
  await list[0]!.start();
  list[0]!.addPeople(people);
  for (const s of list.slice(1)) await s.start();
  return {
    pg,
    servers: list,
    stop: async () => {
      for (const s of list) await s.stop();
      await pg.stop();
    },
  };
}

export async function signIn(base: string, username: string, password: string): Promise<TokenResponse> {
  const r = await fetch(`${base}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
  return (await r.json()) as TokenResponse;
}

export async function push(base: string, token: string, clientId: string, mutations: { seq: number; mutation: Mutation; key?: string }[]): Promise<{ status: number; body: PushResponse & { message?: string } }> {
  const r = await fetch(`${base}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId, mutations: mutations.map((m) => ({ key: m.key ?? randomUUID(), ...m })) }),
  });
  return { status: r.status, body: (await r.json()) as PushResponse & { message?: string } };
}

export async function pull(base: string, token: string, after = 0): Promise<{ status: number; body: PullResponse }> {
  const r = await fetch(`${base}/v1/sync/pull?after=${after}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, body: (await r.json()) as PullResponse };
}

/** A call record as a desktop pushes it: a new call id each time. */
export function callRecord(): Mutation & { kind: 'contact.record' } {
  return {
    kind: 'contact.record',
    contact: {
      id: randomUUID(), startedAt: Date.now(), direction: 'inbound', customer: { externalId: 'CUST-1', name: '王小明', number: '+8613800138000' },
      queue: 'billing', durationS: 120, holdS: 0, disposition: 'resolved',
    },
  };
}

export function fileComplaint(severity: 'ordinary' | 'difficult' | 'major', summary: string, callbackDueAt: number | null = null): Mutation & { kind: 'workOrder.file' } {
  return {
    kind: 'workOrder.file',
    workOrder: {
      id: randomUUID(),
      displayId: `WO-${summary.slice(0, 8)}`,
      customer: { externalId: 'CUST-1', name: '王小明', number: '+8613800138000' },
      complaintType: 'billing',
      severity,
      summary,
      details: { whatHappened: summary },
    },
    followUps: callbackDueAt === null ? [] : [{ id: randomUUID(), kind: 'callback', number: '+8613800138000', dueAt: callbackDueAt, windowEnd: null, note: summary }],
  };
}
