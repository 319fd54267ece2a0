import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Softphone } from '../../src-main/services/softphone/softphone';
import type { Call } from '../../src-shared/domain/call';
import { nextEvent, startLabWithAgent, type Lab } from './lab-helpers';

const agent = { extension: '1001', password: 'lab-secret-1001' };
const EVENTS = ['status', 'incoming', 'call', 'ended', 'registration', 'refreshed', 'presence'] as const;

/** Timers and sockets Node holds open, by kind: what a leak would make grow. */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

describe('softphone over many calls, against the real Kamailio and SIPp', () => {
  let lab: Lab;
  let phone: Softphone;
  beforeAll(async () => {
    ({ lab, phone } = await startLabWithAgent(agent));
  });
  afterAll(async () => {
    await phone?.stop();
    await lab?.stop();
  });

  async function oneCall(caller: string): Promise<void> {
    const ringing = nextEvent<[Call]>(phone, 'incoming');
    const run = await lab.customer.call({ caller, callerName: 'Endurance', agent: agent.extension });
    const first = await Promise.race([ringing.then((call) => ({ call })), run.done.then((exit) => ({ exit }))]);
    if ('exit' in first) {
      // SIPp quit before its INVITE rang (the lab's own port race is retried where SIPp starts): say why.
      ringing.catch(() => undefined);
      throw new Error(`the customer's phone quit before the call rang (exit ${first.exit.code}): ${first.exit.output.slice(-500)}`);
    }
    const { call } = first;
    const active = nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'active');
    await phone.answer(call.callId);
    await active;
    const ended = nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'ended');
    await phone.hangUp(call.callId);
    await ended;
    expect((await run.done).code).toBe(0);
  }

  it('50 calls in a row leave no sessions, listeners or timers behind', { timeout: 120_000 }, async () => {
    await phone.transactionsDone();
    const listeners = EVENTS.map((e) => phone.listenerCount(e));
    const resources = activeResources();
    for (let i = 1; i <= 50; i++) await oneCall(`139000000${String(i).padStart(2, '0')}`);
    expect(phone.footprint).toEqual({ sessions: 0, registerers: 1, calls: 0 });
    // The last calls' INVITE transactions wait out Timer L (32 s) by design; then nothing of the calls remains.
    await phone.transactionsDone();
    expect(EVENTS.map((e) => phone.listenerCount(e))).toEqual(listeners);
    const after = activeResources();
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(resources.Timeout ?? 0);
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(resources.TCPSocketWrap ?? 0);
  });
});
