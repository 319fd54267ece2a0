import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickUpAfterRinging, TEAMMATE_RING_MS } from '../../src-main/app/demo-team';
import type { Logger } from '../../src-main/app/logger';
import { Softphone } from '../../src-main/services/softphone/softphone';
import type { Call } from '../../src-shared/domain/call';
import { nextEvent, startLab, type Lab } from './lab-helpers';

const teammate = { extension: '1002', password: 'lab-secret-1002' };

describe('a demo teammate taking a customer call, with the real Kamailio and SIPp', () => {
  let lab: Lab;
  let phone: Softphone;
  /** Every warning and error the teammate's phone (and sip.js through it) logged. */
  const complaints: string[] = [];
  const log: Logger = {
    info() {},
    warn: (message, fields) => complaints.push(`warn ${message} ${JSON.stringify(fields)}`),
    error: (message, fields) => complaints.push(`error ${message} ${JSON.stringify(fields)}`),
  };

  beforeAll(async () => {
    lab = await startLab([teammate]);
    phone = new Softphone({ server: lab.pbx.wsUrl, domain: '127.0.0.1', extension: teammate.extension, displayName: '李娜', password: teammate.password }, log);
    await phone.start();
    await phone.waitUntilRegistered();
  });
  afterAll(async () => {
    await phone?.stop();
    await lab?.stop();
  });

  it('rings (180), is picked up and talks, and logs no error', async () => {
    const answered: Call[] = [];
    const cancel = pickUpAfterRinging(phone, TEAMMATE_RING_MS, (call) => answered.push(call));
    const ended = nextEvent<[{ call: Call }]>(phone, 'ended');
    const run = await lab.customer.call({ caller: '+66812345001', callerName: 'Demo customer', agent: teammate.extension, queue: 'billing', talkMs: 300 });
    const { call } = (await ended) as unknown as { call: Call };
    expect((await run.done).code).toBe(0);
    cancel();
    expect(complaints).toEqual([]);
    expect(call).toMatchObject({ direction: 'inbound', endReason: 'hung up', headers: { queue: 'billing' } });
    expect(call.answeredAt! - call.startedAt).toBeGreaterThanOrEqual(TEAMMATE_RING_MS);
    expect(answered.map((c) => c.callId)).toEqual([call.callId]);
  });
});
