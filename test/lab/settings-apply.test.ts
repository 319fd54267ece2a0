import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentDesktop } from '../../src-main/app/agent-desktop';
import { AppConfig } from '../../src-main/app/config';
import type { EventChannel, EventOf } from '../../src-shared/contract';
import { labLogger, LOG_LINES, startLab, type Lab } from './lab-helpers';

const agent = { extension: '1201', password: 'lab-secret-1201' };
const trusted = { trusted: true, description: 'lab test' };

/** Every event the app emits from now on, and a wait for the first that matches. */
function recordEvents(app: AgentDesktop) {
  const seen: { event: EventChannel; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  app.events.subscribe((event, payload) => {
    seen.push({ event, payload });
    for (const w of waiters) w();
  });
  const next = <E extends EventChannel>(channel: E, predicate: (p: EventOf<E>) => boolean, from = seen.length): Promise<EventOf<E>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching ${channel} event within 10 s`)), 10_000);
      const check = () => {
        const hit = seen.slice(from).find((e) => e.event === channel && predicate(e.payload as EventOf<E>));
        if (!hit) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(hit.payload as EventOf<E>);
      };
      waiters.add(check);
      check();
    });
  return { seen, next };
}

// The composition root applying settings with the real Kamailio: an unconfigured app gets its phone from the
// settings channel, a wrong password fails, the right one registers, and the old phone is gone (one phone only).
describe('settings applied to a running app', () => {
  let lab: Lab;
  let app: AgentDesktop;
  let dataDir: string;
  const request = async (channel: string, payload: unknown) => {
    const reply = await app.router(channel, payload, trusted);
    if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.message}`), { failure: reply.error });
    return reply.result;
  };

  beforeAll(async () => {
    lab = await startLab([agent]);
    dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-settings-lab-'));
    app = new AgentDesktop({
      config: AppConfig.parse({}),
      dataDir,
      host: 'web',
      version: 'test',
      demo: false,
      sipPassword: null,
      logger: labLogger,
      importWorker: null,
      media: 'plain',
    });
    await app.start();
  });
  afterAll(async () => {
    await app?.stop();
    await lab?.stop();
  });

  it('unconfigured → wrong password fails → right password registers, and calls ring the new phone', async () => {
    expect(await request('getSettings', {})).toMatchObject({ pbx: null, hasPassword: false, passwordKept: 'session', editable: true });
    await expect(request('getSoftphoneStatus', {})).rejects.toMatchObject({ failure: { code: 'UNAVAILABLE' } });
    const events = recordEvents(app);
    const pbx = { server: lab.pbx.wsUrl, domain: '127.0.0.1', extension: agent.extension, displayName: 'Agent 1201' };

    const failed = events.next('softphoneStatusChanged', (s) => s.connection === 'failed');
    await request('saveSettings', { pbx, password: 'wrong-password', uiLocale: 'th' });
    expect(await failed).toMatchObject({ reasonCode: 'auth-refused', extension: agent.extension });
    const wrongPhone = app.softphone;

    const registered = events.next('softphoneStatusChanged', (s) => s.registered);
    const view = await request('saveSettings', { pbx, password: agent.password, uiLocale: 'th' });
    expect(view).toMatchObject({ pbx, hasPassword: true, uiLocale: 'th' });
    await registered;
    expect(app.softphone).not.toBe(wrongPhone);
    expect(wrongPhone!.status.reasonCode).toBe('stopped');
    // Read from the PBX's log, which may trail the replies: waited for.
    await expect.poll(() => lab.pbx.registersFrom(agent.extension), LOG_LINES).toBe(4);
    expect(await request('getAppInfo', {})).toMatchObject({ uiLocale: 'th', agent: { extension: agent.extension, displayName: 'Agent 1201' } });
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain(agent.password);

    // The new phone takes calls: a fresh agent state (Not Ready), then Ready and a customer rings it once.
    expect(await request('getAgentState', {})).toMatchObject({ state: { state: 'not-ready' } });
    await request('setAgentState', { state: 'ready' });
    const from = events.seen.length;
    const rings = events.next('incomingCall', () => true, from);
    const run = await lab.customer.call({ caller: '13812345678', callerName: 'After settings', agent: agent.extension });
    const { call } = await rings;
    const ended = events.next('callUpdated', (c) => c.callId === call.callId && c.state === 'ended', from);
    await request('rejectCall', { callId: call.callId, code: 486 });
    await ended;
    await run.done;
    expect(events.seen.slice(from).filter((e) => e.event === 'incomingCall')).toHaveLength(1);
  });
});
