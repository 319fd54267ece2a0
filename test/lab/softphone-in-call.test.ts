import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Softphone } from '../../src-main/services/softphone/softphone';
import type { Call } from '../../src-shared/domain/call';
import { nextEvent, startLabWithAgent, type Lab } from './lab-helpers';

const agent = { extension: '1001', password: 'lab-secret-1001' };

describe('softphone in a call, against the real Kamailio and SIPp', () => {
  let lab: Lab;
  let phone: Softphone;
  beforeAll(async () => {
    ({ lab, phone } = await startLabWithAgent(agent));
  });
  afterAll(async () => {
    await phone?.stop();
    await lab?.stop();
  });
  afterEach(() => {
    expect(phone.listCalls()).toEqual([]);
  });

  /** The customer calls, the agent answers; resolves with the active call and the customer's SIPp run. */
  async function answeredCall(options: { refuseReInvite?: boolean; talkMs?: number } = {}) {
    const ringing = nextEvent<[Call]>(phone, 'incoming');
    const run = await lab.customer.talk({ caller: '+8613812345678', callerName: 'Customer', agent: agent.extension, ...options });
    const call = await ringing;
    const active = nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'active');
    await phone.answer(call.callId);
    return { call: await active, run };
  }

  async function hangUp(call: Call) {
    const ended = nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'ended');
    await phone.hangUp(call.callId);
    return ended;
  }

  it('holds and resumes by re-INVITE, showing held only after the 200 OK', async () => {
    const { call, run } = await answeredCall();
    const seen: string[] = [];
    const track = (c: Call) => c.callId === call.callId && seen.push(c.hold);
    phone.on('call', track);
    const held = await phone.hold(call.callId, true);
    expect(held.hold).toBe('held');
    const resumed = await phone.hold(call.callId, false);
    expect(resumed.hold).toBe('off');
    phone.off('call', track);
    expect(seen).toEqual(['holding', 'held', 'resuming', 'off']);
    await hangUp(call);
    expect((await run.done).code).toBe(0);
    expect(run.logged()).toEqual(expect.arrayContaining(['REINVITE a=sendonly', 'REINVITE a=sendrecv']));
  });

  it('a hold the far end refuses (488) is never shown as held, and says so', async () => {
    const { call, run } = await answeredCall({ refuseReInvite: true });
    const seen: string[] = [];
    const track = (c: Call) => c.callId === call.callId && seen.push(c.hold);
    phone.on('call', track);
    await expect(phone.hold(call.callId, true)).rejects.toThrow(/refused hold \(488[^)]*\); the call is not on hold/);
    phone.off('call', track);
    expect(seen).toEqual(['holding', 'off']);
    expect(phone.listCalls()[0]!.hold).toBe('off');
    await hangUp(call);
    expect((await run.done).code).toBe(0);
  });

  it('mutes and unmutes, and sends DTMF (SIP INFO where the media handler has no RFC 4733)', async () => {
    const { call, run } = await answeredCall();
    expect(phone.mute(call.callId, true).muted).toBe(true);
    expect(phone.mute(call.callId, false).muted).toBe(false);
    await expect(phone.sendDtmf(call.callId, '12#')).resolves.toEqual({ method: 'info' });
    await expect(phone.sendDtmf(call.callId, '1<b>')).rejects.toThrow(/Digits may be/);
    await hangUp(call);
    expect((await run.done).code).toBe(0);
    expect(run.logged().filter((l) => l.startsWith('DTMF'))).toEqual(['DTMF Signal=1', 'DTMF Signal=2', 'DTMF Signal=#']);
  });

  it('the customer hangs up: the call ends with the reason', async () => {
    const ringing = nextEvent<[Call]>(phone, 'incoming');
    const run = await lab.customer.call({ caller: '+8613812345678', callerName: 'Customer', agent: agent.extension, talkMs: 200 });
    const call = await ringing;
    const ended = nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'ended');
    await phone.answer(call.callId);
    expect(await ended).toMatchObject({ endReason: 'hung up' });
    expect((await run.done).code).toBe(0);
  });

  it('blind transfer: REFER to the target, progress from the NOTIFYs, the agent leaves when it succeeded', async () => {
    const { call, run } = await answeredCall();
    const progress: string[] = [];
    const track = (c: Call) => c.callId === call.callId && c.transfer && progress.push(c.transfer.progress);
    phone.on('call', track);
    const ended = nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'ended');
    await phone.blindTransfer(call.callId, '2002');
    expect(await ended).toMatchObject({ endReason: 'transferred', transfer: { kind: 'blind', target: '2002', progress: 'succeeded' } });
    phone.off('call', track);
    expect(progress[0]).toBe('trying');
    expect(progress).toContain('accepted');
    expect((await run.done).code).toBe(0);
    expect(run.logged().find((l) => l.startsWith('REFER'))).toMatch(/^REFER Refer-To: <?sip:2002@127\.0\.0\.1/);
  });

  it('click-to-dial: the customer id travels in X-Customer-Id and the call connects through the trunk', async () => {
    const trunk = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 50);
    const call = await phone.dial('+8613900001111', { customerId: 'CUST-1001' });
    expect(call).toMatchObject({ direction: 'outbound', state: 'connecting', remoteNumber: '+8613900001111', headers: { customerId: 'CUST-1001' } });
    await nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'active');
    await hangUp(call);
    expect((await trunk.done).code).toBe(0);
    expect(trunk.logged()).toContain('INVITE customer-id=CUST-1001');
  });

  it('attended transfer: consultation call, then REFER with Replaces; both of the agent\'s legs end', async () => {
    const { call, run } = await answeredCall();
    await phone.hold(call.callId, true);
    const trunk = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 50);
    const consult = await phone.dial('2002', { consultFor: call.callId });
    await nextEvent<[Call]>(phone, 'call', (c) => c.callId === consult.callId && c.state === 'active');
    const bothEnded = Promise.all([
      nextEvent<[Call]>(phone, 'call', (c) => c.callId === call.callId && c.state === 'ended'),
      nextEvent<[Call]>(phone, 'call', (c) => c.callId === consult.callId && c.state === 'ended'),
    ]);
    await phone.attendedTransfer(call.callId, consult.callId);
    const [original] = await bothEnded;
    expect(original).toMatchObject({ endReason: 'transferred', transfer: { kind: 'attended', progress: 'succeeded' } });
    expect((await run.done).code).toBe(0);
    expect((await trunk.done).code).toBe(0);
    expect(run.logged().find((l) => l.startsWith('REFER'))).toMatch(/Replaces=/);
  });

  it('a second call while on a call rings as call waiting; the agent can refuse it and keep the first', async () => {
    const ringing = nextEvent<[Call]>(phone, 'incoming');
    const first = await lab.customer.talk({ caller: '13800000001', callerName: 'First', agent: agent.extension });
    const a = await ringing;
    const active = nextEvent<[Call]>(phone, 'call', (c) => c.callId === a.callId && c.state === 'active');
    await phone.answer(a.callId);
    await active;
    const waiting = nextEvent<[Call]>(phone, 'incoming');
    const second = await lab.customer.call({ caller: '13800000002', callerName: 'Second', agent: agent.extension });
    const b = await waiting;
    expect(phone.listCalls().map((c) => c.state).sort()).toEqual(['active', 'ringing']);
    await phone.reject(b.callId, 486);
    expect((await second.done).code).not.toBe(0);
    await phone.hangUp(a.callId);
    expect((await first.done).code).toBe(0);
  });
});
