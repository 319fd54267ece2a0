import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintForm, TestDesktop } from './team-desktop';
import { startTeamLab } from './team-lab';

// Desktops (real SQLite files, the real sync worker) against real team-server processes on a real PostgreSQL.
const people = [
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
  { username: '1002', password: 'agent-pass-1002', role: 'agent' as const, team: 'north' },
  { username: 'spec1', password: 'spec-pass-0001', role: 'specialist' as const, team: 'north', queues: ['specialists'] },
  { username: 'lead1', password: 'lead-pass-0001', role: 'lead' as const, team: 'north' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let db: pg.Pool;
const desktops: TestDesktop[] = [];
const desktop = (u: string) => {
  const d = new TestDesktop(u, people.find((p) => p.username === u)!.password);
  desktops.push(d);
  return d;
};

beforeAll(async () => {
  lab = await startTeamLab(people, 2);
  db = new pg.Pool({ connectionString: lab.pg.url, max: 2 });
}, 60_000);
afterAll(async () => {
  for (const d of desktops) await d.close();
  await db?.end();
  await lab?.stop();
});

async function onServer(uuid: string): Promise<number> {
  return Number((await db.query('SELECT count(*) AS n FROM work_orders WHERE id = $1', [uuid])).rows[0].n);
}

describe('desktops sync through the team server', () => {
  it('a difficult complaint filed on one desktop reaches the specialist on another server process; her resolution comes back', async () => {
    const agent = desktop('1001');
    const spec = desktop('spec1');
    agent.connect(lab.servers[0]!.url);
    spec.connect(lab.servers[1]!.url);
    await Promise.all([agent.until((s) => s.state === 'synced'), spec.until((s) => s.state === 'synced')]);

    const filed = agent.filing.file('1001', complaintForm('charged twice for order 5521'));
    const uuid = agent.uuidOf(filed.id);
    // Wake-up through LISTEN/NOTIFY across processes, then a pull on the specialist's desktop.
    const arrived = await spec.untilWorkOrder(uuid, () => true);
    expect(arrived).toMatchObject({ status: 'open', queue: 'specialists', assignee: null, severity: 'difficult' });
    // The deadline is the server's: 8 hours (difficult) from when the server stored it.
    const stored = (await db.query('SELECT created_at, due_at FROM work_orders WHERE id = $1', [uuid])).rows[0] as { created_at: Date; due_at: Date };
    expect(arrived.due_at).toBe(stored.due_at.getTime());
    expect(stored.due_at.getTime() - stored.created_at.getTime()).toBe(8 * 3600_000);

    spec.cache.workOrders.claim(arrived.id, 'spec1');
    spec.cache.workOrders.setStatus(arrived.id, 'resolved', 'spec1');
    const back = await agent.untilWorkOrder(uuid, (w) => w.status === 'resolved');
    expect(back).toMatchObject({ assignee: 'spec1', status: 'resolved' });
    const events = agent.cache.db.prepare('SELECT kind, actor FROM work_order_events WHERE work_order_id = ? ORDER BY id').all(back.id);
    expect(events).toEqual([{ kind: 'created', actor: '1001' }, { kind: 'claimed', actor: 'spec1' }, { kind: 'status', actor: 'spec1' }]);
    await agent.until((s) => s.waiting === 0);
    expect(await onServer(uuid)).toBe(1);
  });

  it('two desktops change one work order at once: one change applies, the other waits for a decision', async () => {
    const a = desktop('1002');
    const lead = desktop('lead1');
    a.connect(lab.servers[0]!.url);
    lead.connect(lab.servers[1]!.url);
    const filed = a.filing.file('1002', complaintForm('parcel lost twice', 'ordinary', null));
    const uuid = a.uuidOf(filed.id);
    const leadCopy = await lead.untilWorkOrder(uuid, () => true);
    await a.until((s) => s.waiting === 0);
    // Both work from version 1 while the other's change is not yet known to them.
    await a.sync!.stop();
    await lead.sync!.stop();
    a.cache.workOrders.setStatus(a.workOrder(uuid)!.id, 'resolved', '1002');
    lead.cache.workOrders.setStatus(leadCopy.id, 'in_progress', 'lead1');
    a.connect(lab.servers[0]!.url);
    await a.until((s) => s.state === 'synced' && s.waiting === 0);
    lead.connect(lab.servers[1]!.url);
    const leadStatus = await lead.until((s) => s.state === 'synced' && s.waiting === 0 && s.decisions === 1);
    expect(leadStatus.decisions).toBe(1);
    const server = (await db.query('SELECT status, version FROM work_orders WHERE id = $1', [uuid])).rows[0];
    expect(server).toEqual({ status: 'resolved', version: 2 });
    // The lead's desktop shows the server's state, not its own unapplied change.
    expect((await lead.untilWorkOrder(uuid, (w) => w.status === 'resolved')).version).toBe(2);
    const decision = lead.cache.db.prepare('SELECT outcome, mutation FROM sync_decisions').get() as { outcome: string; mutation: string };
    expect(decision.outcome).toBe('conflict');
    expect(JSON.parse(decision.mutation)).toMatchObject({ kind: 'workOrder.setStatus', status: 'in_progress' });
  });
});
