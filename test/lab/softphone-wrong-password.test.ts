import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Softphone } from '../../src-main/services/softphone/softphone';
import type { SoftphoneStatus } from '../../src-shared/domain/softphone';
import { agentPhoneVia, isRegistered, LOG_LINES, nextEvent, startLab, type Lab } from './lab-helpers';

const refused = { extension: '1101', password: 'lab-secret-1101' };
const control = { extension: '1102', password: 'lab-secret-1102' };
/** Retries as fast as the lab allows, so a phone that does retry would show it within milliseconds. */
const fast = { backoff: { initialMs: 20, maxMs: 40 } };

// A refused password is 'failed' and stays failed until the agent changes it in settings (which builds a new
// phone): no REGISTER storm, neither on a network change nor when the link drops and comes back.
describe('softphone with a wrong password, against the real Kamailio', () => {
  let lab: Lab;
  const phones: Softphone[] = [];
  beforeAll(async () => {
    lab = await startLab([refused, control]);
  });
  afterAll(async () => {
    await Promise.all(phones.map((p) => p.stop()));
    await lab?.stop();
  });

  it('is not retried on a network change, nor after the PBX restarts', async () => {
    const wrong = agentPhoneVia(lab.pbx.wsUrl, { ...refused, password: 'wrong-password' }, fast);
    phones.push(wrong);
    const failed = nextEvent<[SoftphoneStatus]>(wrong, 'status', (s) => s.connection === 'failed');
    await wrong.start();
    expect(await failed).toMatchObject({ registered: false, reasonCode: 'auth-refused', retryAt: null });
    // sip.js answers the digest challenge once; the second refusal is final. (The PBX's log line of a REGISTER
    // reaches us through its stderr pipe, which may trail the reply over the WebSocket: waited for, not assumed.)
    const registers = 2;
    await expect.poll(() => lab.pbx.registersFrom(refused.extension), LOG_LINES).toBe(registers);

    wrong.reconnectNow('network-changed');
    expect(wrong.status).toMatchObject({ connection: 'failed', reasonCode: 'auth-refused' });

    // A phone with the right password and the same backoff marks the time: once it is registered again after the
    // restart, a phone that retries would have sent its REGISTERs too.
    const right = agentPhoneVia(lab.pbx.wsUrl, control, fast);
    phones.push(right);
    await right.start();
    await right.waitUntilRegistered();
    await expect.poll(() => lab.pbx.registersFrom(control.extension), LOG_LINES).toBe(registers);
    const lost = nextEvent<[SoftphoneStatus]>(right, 'status', (s) => s.connection === 'disconnected');
    await lab.pbx.stop();
    await lost;
    const back = nextEvent<[SoftphoneStatus]>(right, 'status', isRegistered);
    await lab.pbx.start();
    await back;
    // Registered again means its challenged and its answered REGISTER after the restart; their log lines may trail.
    await expect.poll(() => lab.pbx.registersFrom(control.extension), LOG_LINES).toBeGreaterThanOrEqual(2 * registers);

    expect(lab.pbx.registersFrom(refused.extension)).toBe(registers);
    expect(wrong.status).toMatchObject({ connection: 'failed', registered: false, reasonCode: 'auth-refused' });
  });
});
