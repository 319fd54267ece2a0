import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerWorkOrder } from '../../../src-shared/sync/contract';
import { fileComplaint, pull, push, signIn, startTeamLab } from './team-lab';
import { TestDesktop } from './team-desktop';

// Real PostgreSQL and a team-server process: the team lead reassigns a work order to a member of her team or
// back to a queue, and the new assignee's desktop shows it; nobody else may, and never to another team.
const people = [
  { username: 'lead1', password: 'lead-pass-0001', role: 'lead' as const, team: 'north' },
  { username: 'spec1', password: 'spec-pass-0001', role: 'specialist' as const, team: 'north', queues: ['specialists'], name: 'Wang Fang' },
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
  { username: '2001', password: 'agent-pass-2001', role: 'agent' as const, team: 'south' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let base = '';
beforeAll(async () => {
  lab = await startTeamLab(people);
  base = lab.servers[0]!.url;
}, 60_000);
afterAll(async () => lab?.stop());

async function serverCopy(token: string, id: string): Promise<ServerWorkOrder> {
  const changes = (await pull(base, token)).body.changes.filter((c) => c.entity === 'workOrder' && c.data.id === id);
  return changes[changes.length - 1]!.data as ServerWorkOrder;
}

describe('team lead reassigns', () => {
  it('lists her own team\'s members and queues, and refuses that list to anyone else', async () => {
    const lead = await signIn(base, 'lead1', 'lead-pass-0001');
    const r = await fetch(`${base}/v1/team/members`, { headers: { authorization: `Bearer ${lead.accessToken}` } });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { members: { username: string }[]; queues: string[] };
    expect(body.members.map((m) => m.username)).toEqual(['1001', 'lead1', 'spec1']);
    expect(body.queues).toContain('specialists');
    for (const [name, password] of [['1001', 'agent-pass-1001'], ['spec1', 'spec-pass-0001']] as const) {
      const t = await signIn(base, name, password);
      expect((await fetch(`${base}/v1/team/members`, { headers: { authorization: `Bearer ${t.accessToken}` } })).status).toBe(403);
    }
  });

  it('gives an agent\'s work order to a specialist: her desktop shows it as hers; back to a queue, nobody holds it', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const filed = fileComplaint('ordinary', `reassign ${randomUUID().slice(0, 6)}`);
    expect((await push(base, agent.accessToken, randomUUID(), [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const id = filed.workOrder.id;

    const leadDesk = new TestDesktop('lead1', 'lead-pass-0001');
    const specDesk = new TestDesktop('spec1', 'spec-pass-0001');
    leadDesk.connect(base);
    specDesk.connect(base);
    try {
      const row = await leadDesk.untilWorkOrder(id, () => true);
      await specDesk.until((s) => s.state === 'synced');
      // An ordinary complaint stays with the agents: the specialist does not have it yet.
      expect(specDesk.workOrder(id)).toBeNull();

      leadDesk.cache.workOrders.assign(row.id, 'lead1', { assignee: 'spec1' });
      expect(leadDesk.workOrder(id)!.assignee).toBe('spec1');
      const given = await specDesk.untilWorkOrder(id, (w) => w.assignee === 'spec1');
      expect(given.status).toBe('open');
      await leadDesk.until((s) => s.state === 'synced' && s.waiting === 0 && s.decisions === 0);

      leadDesk.cache.workOrders.assign(row.id, 'lead1', { queue: 'specialists' });
      await leadDesk.until((s) => s.state === 'synced' && s.waiting === 0 && s.decisions === 0);
      const now = await serverCopy(agent.accessToken, id);
      expect(now).toMatchObject({ assignee: null, queue: 'specialists' });
      await specDesk.untilWorkOrder(id, (w) => w.assignee === null && w.queue === 'specialists');
    } finally {
      await leadDesk.close();
      await specDesk.close();
    }
  });

  it('rejects an agent\'s forged reassignment, and the lead\'s to another team\'s member or an unknown queue', async () => {
    const agent = await signIn(base, '1001', 'agent-pass-1001');
    const lead = await signIn(base, 'lead1', 'lead-pass-0001');
    const filed = fileComplaint('ordinary', `forged ${randomUUID().slice(0, 6)}`);
    const agentClient = randomUUID();
    expect((await push(base, agent.accessToken, agentClient, [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const id = filed.workOrder.id;

    const forged = await push(base, agent.accessToken, agentClient, [{ seq: 2, mutation: { kind: 'workOrder.assign', id, assignee: '1001', baseVersion: 1 } }]);
    expect(forged.body.results[0]).toMatchObject({ outcome: 'rejected', reason: 'only the team lead can reassign a work order' });

    const leadClient = randomUUID();
    const otherTeam = await push(base, lead.accessToken, leadClient, [{ seq: 1, mutation: { kind: 'workOrder.assign', id, assignee: '2001', baseVersion: 1 } }]);
    expect(otherTeam.body.results[0]).toMatchObject({ outcome: 'rejected', reason: '2001 is not on this team' });
    const unknownQueue = await push(base, lead.accessToken, leadClient, [{ seq: 2, mutation: { kind: 'workOrder.assign', id, queue: 'nowhere', baseVersion: 1 } }]);
    expect(unknownQueue.body.results[0]).toMatchObject({ outcome: 'rejected', reason: 'nowhere is not one of this team\'s queues' });
    expect(await serverCopy(agent.accessToken, id)).toMatchObject({ assignee: null, version: 1 });
  });
});
