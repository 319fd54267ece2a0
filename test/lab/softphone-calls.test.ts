import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Softphone } from '../../src-main/services/softphone/softphone';
import type { Call } from '../../src-shared/domain/call';
import type { SoftphoneStatus } from '../../src-shared/domain/softphone';
import { agentPhone as makePhone, nextEvent, startLab, type Lab } from './lab-helpers';

const agent = { extension: '1001', password: 'lab-secret-1001' };

describe('softphone against the real Kamailio and SIPp', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab([agent]);
  });
  afterAll(async () => {
    await lab?.stop();
  });
  const phones: Softphone[] = [];
  const agentPhone = (...args: Parameters<typeof makePhone>) => {
    const phone = makePhone(...args);
    phones.push(phone);
    return phone;
  };
  afterEach(async () => {
    await Promise.all(phones.splice(0).map((p) => p.stop()));
  });

  it('registers with digest authentication and reports connected + registered', async () => {
    const phone = agentPhone(lab, agent);
    await phone.start();
    await phone.waitUntilRegistered();
    expect(phone.status).toMatchObject({ connection: 'connected', registered: true, reason: null });
    await phone.stop();
    expect(phone.status).toMatchObject({ connection: 'disconnected', registered: false });
  });

  it('is refused with a wrong password and says why', async () => {
    const phone = agentPhone(lab, agent, 'wrong-password');
    const refused = nextEvent<[SoftphoneStatus]>(phone, 'status', (s) => (s.reason ?? '').startsWith('registration refused'));
    await phone.start();
    expect((await refused).reason).toMatch(/registration refused: 401/);
    expect(phone.status.registered).toBe(false);
    await phone.stop();
  });

  it('rings with the caller, display name and IVR headers; the agent answers and hangs up', async () => {
    const phone = agentPhone(lab, agent);
    await phone.start();
    await phone.waitUntilRegistered();
    const ringing = nextEvent<[Call]>(phone, 'incoming');
    const run = await lab.customer.call({
      caller: '+8613812345678',
      callerName: '<b>王小明</b>',
      agent: agent.extension,
      queue: 'complaints',
      customerId: 'CUST-1001',
      ivrPath: 'main>orders>complaint',
      language: 'zh-CN',
    });
    const call = await ringing;
    expect(call).toMatchObject({
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: '+8613812345678',
      displayName: '<b>王小明</b>',
      headers: { queue: 'complaints', customerId: 'CUST-1001', ivrPath: 'main>orders>complaint', language: 'zh-CN' },
    });
    const active = nextEvent<[Call]>(phone, 'call', (c) => c.state === 'active');
    await phone.answer(call.callId);
    expect((await active).answeredAt).not.toBeNull();
    const ended = nextEvent<[Call]>(phone, 'call', (c) => c.state === 'ended');
    await phone.hangUp(call.callId);
    expect((await ended).endReason).toBe('hung up');
    // SIPp exits 0 only when it saw 200 OK to its INVITE and a BYE from the agent
    expect((await run.done).code).toBe(0);
    await phone.stop();
  });

  it('rejects a ringing call with 486 and the customer hears busy', async () => {
    const phone = agentPhone(lab, agent);
    await phone.start();
    await phone.waitUntilRegistered();
    const ringing = nextEvent<[Call]>(phone, 'incoming');
    const run = await lab.customer.call({ caller: '13812345678', callerName: 'Busy test', agent: agent.extension });
    const call = await ringing;
    const ended = nextEvent<[Call]>(phone, 'call', (c) => c.state === 'ended');
    await phone.reject(call.callId, 486);
    expect((await ended).answeredAt).toBeNull();
    const result = await run.done;
    expect(result.code).not.toBe(0);
    await phone.stop();
  });

  it('tells the customer the agent is not available when nobody is registered', async () => {
    const run = await lab.customer.call({ caller: '13812345678', callerName: 'Nobody home', agent: '1999' });
    const result = await run.done;
    expect(result.code).not.toBe(0);
  });
});
