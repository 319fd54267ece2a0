import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileComplaint, push, signIn, startTeamLab } from './team-lab';
import { TestDesktop } from './team-desktop';

// Real PostgreSQL and a team-server process: a specialist given a work order later gets its earlier history on
// her next pull, and when it is taken from her again her desktop's copy goes, instead of staying there stale.
const people = [
  { username: 'lead1', password: 'lead-pass-0001', role: 'lead' as const, team: 'north' },
  { username: 'spec1', password: 'spec-pass-0001', role: 'specialist' as const, team: 'north', queues: ['specialists'] },
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let base = '';
beforeAll(async () => {
  lab = await startTeamLab(people);
  base = lab.servers[0]!.url;
}, 60_000);
afterAll(async () => lab?.stop());

it('brings the earlier history to a specialist given a work order, and takes her copy away when it is reassigned', async () => {
  const agent = await signIn(base, '1001', 'agent-pass-1001');
  const lead = await signIn(base, 'lead1', 'lead-pass-0001');
  const filed = fileComplaint('ordinary', `history ${randomUUID().slice(0, 6)}`);
  const id = filed.workOrder.id;
  const agentClient = randomUUID();
  const leadClient = randomUUID();
  expect((await push(base, agent.accessToken, agentClient, [
    { seq: 1, mutation: filed },
    { seq: 2, mutation: { kind: 'workOrder.setStatus', id, status: 'in_progress', baseVersion: 1, note: 'called the bank' } },
  ])).body.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);

  const spec = new TestDesktop('spec1', 'spec-pass-0001');
  spec.connect(base);
  try {
    await spec.until((s) => s.state === 'synced');
    expect(spec.workOrder(id)).toBeNull();

    // Given to her: the work order and everything that happened to it before.
    expect((await push(base, lead.accessToken, leadClient, [{ seq: 1, mutation: { kind: 'workOrder.assign', id, assignee: 'spec1', baseVersion: 2 } }])).body.results[0]!.outcome).toBe('applied');
    const row = await spec.untilWorkOrder(id, (w) => w.assignee === 'spec1');
    const history = () => (spec.cache.db.prepare('SELECT kind, actor FROM work_order_events WHERE work_order_id = ? ORDER BY at, id').all(row.id) as { kind: string; actor: string }[]);
    expect(history()).toEqual(expect.arrayContaining([
      { kind: 'created', actor: '1001' },
      { kind: 'status', actor: '1001' },
      { kind: 'assigned', actor: 'lead1' },
    ]));

    // Taken from her (given to an agent): her desktop no longer holds it.
    const gone = new Promise<void>((resolve) => {
      const on = () => {
        if (spec.workOrder(id) !== null) return;
        spec.sync!.off('pulled', on);
        resolve();
      };
      spec.sync!.on('pulled', on);
    });
    expect((await push(base, lead.accessToken, leadClient, [{ seq: 2, mutation: { kind: 'workOrder.assign', id, assignee: '1001', baseVersion: 3 } }])).body.results[0]!.outcome).toBe('applied');
    await gone;
    expect(spec.workOrder(id)).toBeNull();
  } finally {
    await spec.close();
  }
});
