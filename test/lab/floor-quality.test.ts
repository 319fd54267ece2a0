import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentState } from '../../src-shared/domain/agent-state';
import type { FloorMember } from '../../src-shared/domain/floor';
import type { CallQualityLevel } from '../../src-shared/quality/level';
import { FloorWatch } from '../../src-main/services/floor/floor-watch';
import { agentPidf } from '../../src-main/services/presence/pidf';
import type { Softphone } from '../../src-main/services/softphone/softphone';
import { agentPhone, labLogger, nextEvent, startLab, type Lab } from './lab-helpers';

// The team lead's quality marks from the real Kamailio: the agent's desktop publishes her call's quality with her
// presence (as AgentWorkflow does when her window's judgement changes); the lead's board shows it on the call, and
// flags her once her last three calls ended poor.
const agent = { extension: '2950', password: 'floor-quality-agent' };
const lead = { extension: '2959', password: 'floor-quality-lead' };
const ready: AgentState = { state: 'ready', reasonCode: null, since: 0, acw: null };

describe('call quality on the floor board (presence + dialog from the real Kamailio)', () => {
  let lab: Lab;
  let phone: Softphone;
  let leadPhone: Softphone;
  let floor: FloorWatch;

  beforeAll(async () => {
    lab = await startLab([agent, lead]);
    phone = agentPhone(lab, agent);
    leadPhone = agentPhone(lab, lead);
    await Promise.all([phone, leadPhone].map(async (p) => (await p.start(), p.waitUntilRegistered())));
    floor = new FloorWatch(leadPhone.userAgent, [{ extension: agent.extension, name: 'Remote agent' }], '127.0.0.1', labLogger);
    await floor.start();
  }, 60_000);

  afterAll(async () => {
    await floor?.stop();
    await Promise.all([phone, leadPhone].map((p) => p?.stop()));
    await lab?.stop();
  });

  // A bound, not a timing: the PBX's NOTIFYs usually come within a second; a fresh-clone full run once waited over 5 s.
  const changed = (ok: (m: FloorMember) => boolean) => nextEvent<[FloorMember]>(floor, 'changed', (m) => m.extension === agent.extension && ok(m), 15_000);

  /** One customer call: answered, its quality published, hung up. Returns the member as the board has it after. */
  async function callWithQuality(level: CallQualityLevel, n: number): Promise<FloorMember> {
    const incoming = nextEvent<[{ callId: string }]>(phone, 'incoming');
    const run = await lab.customer.talk({ caller: `+861380000096${n}`, callerName: 'Quality floor', agent: agent.extension });
    const call = await incoming;
    const onCall = changed((m) => m.call?.state === 'on-call');
    await phone.answer(call.callId);
    await onCall;
    const marked = changed((m) => m.quality === level);
    phone.publishPresence(agentPidf(`sip:${agent.extension}@127.0.0.1`, ready, { queue: 'complaints', quality: level }));
    expect((await marked).call?.state).toBe('on-call');
    const over = changed((m) => m.call === null);
    await phone.hangUp(call.callId);
    const after = await over;
    phone.publishPresence(agentPidf(`sip:${agent.extension}@127.0.0.1`, ready, null));
    expect((await run.done).code).toBe(0);
    return after;
  }

  it('shows the live mark on the call, and flags the agent after three poor calls in a row, not before', async () => {
    expect((await callWithQuality('poor', 1)).poorStreak).toBe(false);
    expect((await callWithQuality('good', 2)).poorStreak).toBe(false);
    expect((await callWithQuality('poor', 3)).poorStreak).toBe(false);
    expect((await callWithQuality('poor', 4)).poorStreak).toBe(false);
    const flagged = await callWithQuality('poor', 5);
    expect(flagged).toMatchObject({ poorStreak: true, quality: null, call: null });
  }, 120_000);

  it('shows the verdict of her last "Test my connection", published with her state', async () => {
    const seen = changed((m) => m.connectionTest === 'poor');
    phone.publishPresence(agentPidf(`sip:${agent.extension}@127.0.0.1`, ready, null, 'poor'));
    expect(await seen).toMatchObject({ state: 'ready', connectionTest: 'poor' });
  });
});
