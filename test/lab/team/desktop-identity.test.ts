import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/app/logger';
import { memoryTokenStore, TeamClient } from '../../../src-main/services/sync/team-client';
import { TeamSync } from '../../../src-main/services/sync/team-sync';
import type { ServerWorkOrder } from '../../../src-shared/sync/contract';
import { fileComplaint, pull, push, signIn, startTeamLab } from './team-lab';
import { complaintForm, TestDesktop } from './team-desktop';

// Real PostgreSQL and a team-server process, one desktop's SQLite file, two people signing in on it in turn (as
// at a shared seat): each starts from her own cursor with her own client id, and the other's queued changes are
// never pushed as hers; they go out, once, when their owner signs in again.
const people = [
  { username: '6101', password: 'pass-6101-long', role: 'agent' as const, team: 'north' },
  { username: '6201', password: 'pass-6201-long', role: 'agent' as const, team: 'south' },
  { username: '6202', password: 'pass-6202-long', role: 'agent' as const, team: 'south' },
];
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let base = '';
beforeAll(async () => {
  lab = await startTeamLab(people);
  base = lab.servers[0]!.url;
}, 60_000);
afterAll(async () => lab?.stop());

/** Signs this desktop in as someone (the settings screen's switch: the previous worker is stopped first). */
function signInAs(desk: TestDesktop, username: string): TeamSync {
  const password = people.find((p) => p.username === username)!.password;
  desk.sync = new TeamSync(desk.cache.workOrdersDb, desk.cache.outbox, new TeamClient(base, username, memoryTokenStore(), password, 3000), silentLogger, () => username, desk.cache.db);
  desk.sync.start();
  return desk.sync;
}

async function serverOrders(username: string): Promise<ServerWorkOrder[]> {
  const t = await signIn(base, username, people.find((p) => p.username === username)!.password);
  return (await pull(base, t.accessToken)).body.changes.flatMap((c) => (c.entity === 'workOrder' ? [c.data] : []));
}

it('ties the cursor, the client id and the outbox to the person signed in', async () => {
  // South's feed moves first: a desktop that kept north's cursor for a south user would skip these.
  const mate = await signIn(base, '6202', 'pass-6202-long');
  const south = [fileComplaint('ordinary', `south-a ${randomUUID().slice(0, 4)}`), fileComplaint('ordinary', `south-b ${randomUUID().slice(0, 4)}`)];
  expect((await push(base, mate.accessToken, randomUUID(), south.map((mutation, i) => ({ seq: i + 1, mutation })))).body.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);

  const desk = new TestDesktop('6101', 'pass-6101-long');
  try {
    const north = signInAs(desk, '6101');
    for (let i = 0; i < 3; i++) desk.filing.file('6101', complaintForm(`north ${i}`, 'ordinary', null));
    await desk.until((s) => s.state === 'synced' && s.waiting === 0);
    const northClient = north.clientId;
    // Filed while no one is signed in any more (her session ended): still hers, waiting.
    await north.stop();
    const waitingFiled = desk.filing.file('6101', complaintForm('north queued', 'ordinary', null));
    const waitingUuid = desk.uuidOf(waitingFiled.id);

    const other = signInAs(desk, '6201');
    await desk.until((s) => s.state === 'synced' && s.user?.username === '6201');
    expect(other.clientId).not.toBe(northClient);
    // Her own pull started from 0: both of south's work orders are here.
    for (const m of south) await desk.untilWorkOrder(m.workOrder.id, () => true);
    // The queued change of 6101 is not hers: it was not pushed, and it is not counted as hers.
    expect(other.status().waiting).toBe(0);
    expect((await serverOrders('6101')).map((w) => w.id)).not.toContain(waitingUuid);
    // Her own change goes out under her own numbers (no gap refused by the server).
    const hers = desk.filing.file('6201', complaintForm('south own', 'ordinary', null));
    await desk.until((s) => s.state === 'synced' && s.waiting === 0);
    expect((await serverOrders('6201')).find((w) => w.id === desk.uuidOf(hers.id))?.createdBy).toBe('6201');
    await other.stop();

    // 6101 again: her queued change goes out now, as hers, exactly once.
    signInAs(desk, '6101');
    await desk.until((s) => s.state === 'synced' && s.waiting === 0 && s.user?.username === '6101');
    const mine = (await serverOrders('6101')).filter((w) => w.id === waitingUuid);
    expect(mine.map((w) => w.createdBy)).toEqual(['6101']);
    expect(desk.cache.outbox.count()).toBe(0);
  } finally {
    await desk.close();
  }
});
