import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentDesktop } from '../../src-main/app/agent-desktop';
import { AppConfig } from '../../src-main/app/config';
import type { Logger } from '../../src-main/app/logger';
import { busEvent, labLogger, startLab, type Lab } from './lab-helpers';

// SIPp as a hostile far end: oversized display names, IVR headers and reason phrases full of bidirectional
// overrides, C1 controls and would-be markup. The app must show them capped and cleaned, and every call must
// still end properly: an 'ended' update, a contacts row, and after-call work for an answered call.
const agent = { extension: '1001', password: 'lab-secret-1001' };
const trusted = { trusted: true, description: 'lab test' };

/** Valid in a SIP reason phrase and a quoted display name (RFC 3261 grammar), hostile to a screen and a log. */
const HOSTILE = "\u202e\u2066 ;DROP TABLE contacts;-- $(reboot) <b>王小明</b>😀\u0085\u200b\t";
const hostile = (length: number) => HOSTILE.repeat(Math.ceil(length / HOSTILE.length)).slice(0, length);
const phrase = (length: number) => hostile(length).replace(/[<>]/g, '');
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069]/;


describe('hostile and oversized strings from SIP (real Kamailio and SIPp)', () => {
  let lab: Lab;
  let app: AgentDesktop;
  /** What the app logged as errors: a payload the event bus had to drop would show here. */
  const errors: string[] = [];
  const logger: Logger = { ...labLogger, error: (message, fields) => errors.push(message) && labLogger.error(message, fields) };
  const request = async (channel: string, payload: unknown) => {
    const reply = await app.router(channel, payload, trusted);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
    return reply.result;
  };
  const contactsRow = (callId: string) =>
    app.cache.db.prepare('SELECT direction, queue, ivr_path, disposition FROM contacts WHERE external_id = ?').get(`call:${callId}`);

  beforeAll(async () => {
    lab = await startLab([agent]);
    app = new AgentDesktop({
      config: AppConfig.parse({ agent: { acwSeconds: 30 } }),
      dataDir: mkdtempSync(join(tmpdir(), 'agent-desktop-hostile-')),
      host: 'web',
      version: 'test',
      demo: false,
      sipPassword: agent.password,
      logger,
      importWorker: null,
      media: 'plain',
    });
    await app.start({ server: lab.pbx.wsUrl, domain: '127.0.0.1', extension: agent.extension, displayName: 'Agent', password: agent.password });
    await app.softphone!.waitUntilRegistered();
  });
  afterAll(async () => {
    await app?.stop();
    await lab?.stop();
  });

  it('an outbound call refused with 486 and a 4,000-character hostile phrase ends showing 486, cleaned and capped, with a contacts row', async () => {
    const refusal = await lab.customer.refuseOnTrunk(lab.pbx.trunkPort, 486, `Busy Here ${phrase(4000)}`);
    const ended = busEvent(app, 'callUpdated', (c) => c.state === 'ended');
    await request('dial', { number: '+66 81 234 0000' });
    const call = await ended;
    expect(call.refusedWith).toBe(486);
    expect(call.endReason).toMatch(/^486 Busy Here ;DROP TABLE contacts;-- \$\(reboot\) b王小明\/b😀/);
    expect(call.endReason!.length).toBeLessThanOrEqual(104);
    expect(call.endReason).not.toMatch(UNSHOWABLE);
    expect(contactsRow(call.callId)).toMatchObject({ direction: 'outbound', disposition: call.endReason });
    expect((await refusal.done).code).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an answered call with hostile caller name and IVR headers, whose transfer is refused with a hostile phrase, still ends with after-call work and a contacts row', async () => {
    await request('setAgentState', { state: 'ready' });
    const ringing = busEvent(app, 'incomingCall', () => true);
    const run = await lab.customer.refuseTransfer({
      caller: '+8613812345678',
      callerName: hostile(3000),
      agent: agent.extension,
      queue: hostile(1000),
      customerId: hostile(1000),
      ivrPath: hostile(2000),
      language: hostile(500),
      refusalPhrase: `Decline ${phrase(4000)}`,
    });
    const { call } = await ringing;
    for (const text of [call.displayName, call.headers.queue, call.headers.customerId, call.headers.ivrPath, call.headers.language]) {
      expect(text).not.toMatch(UNSHOWABLE);
    }
    expect(call.displayName).toMatch(/^;DROP TABLE contacts;-- \$\(reboot\) <b>王小明<\/b>😀/);
    expect(call.displayName!.length).toBeLessThanOrEqual(200);
    expect(call.headers.ivrPath!.length).toBeLessThanOrEqual(500);
    expect(call.headers.language!.length).toBeLessThanOrEqual(35);

    const active = busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.state === 'active');
    await request('answerCall', { callId: call.callId });
    await active;
    const refused = busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.transfer?.progress === 'failed');
    await request('transferCall', { callId: call.callId, target: '2002' });
    const { transfer } = await refused;
    expect(transfer!.detail).toMatch(/^603 Decline ;DROP TABLE/);
    expect(transfer!.detail!.length).toBeLessThanOrEqual(104);
    expect(transfer!.detail).not.toMatch(UNSHOWABLE);

    const ended = busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.state === 'ended');
    const acw = busEvent(app, 'agentStateChanged', (s) => s.state === 'after-call-work');
    await request('hangUpCall', { callId: call.callId });
    expect(await ended).toMatchObject({ endReason: 'hung up' });
    expect((await acw).acw).toMatchObject({ callId: call.callId });
    expect(contactsRow(call.callId)).toMatchObject({ direction: 'inbound', queue: call.headers.queue, ivr_path: call.headers.ivrPath });
    expect((await run.done).code).toBe(0);
    expect(run.logged()).toContain('REFER refused');
    expect(errors).toEqual([]);
    await request('setDisposition', { callId: call.callId, disposition: 'no-action' });
    await expect(request('finishAfterCallWork', {})).resolves.toMatchObject({ state: 'ready' });
  });

  it('a transfer whose NOTIFY reports failure in a 4,000-character hostile sipfrag line: the bar shows it capped, and the call goes on to end with after-call work', async () => {
    await request('setAgentState', { state: 'ready' });
    const ringing = busEvent(app, 'incomingCall', () => true);
    const run = await lab.customer.talk({ caller: '+8613812345679', callerName: 'Sipfrag', agent: agent.extension, transferResult: `603 Declined ${phrase(4000)}` });
    const { call } = await ringing;
    const active = busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.state === 'active');
    await request('answerCall', { callId: call.callId });
    await active;
    const failed = busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.transfer?.progress === 'failed');
    await request('transferCall', { callId: call.callId, target: '2002' });
    const { transfer, state } = await failed;
    expect(state).toBe('active');
    expect(transfer!.detail).toMatch(/^603 Declined ;DROP TABLE/);
    expect(transfer!.detail!.length).toBeLessThanOrEqual(104);
    expect(transfer!.detail).not.toMatch(UNSHOWABLE);
    const acw = busEvent(app, 'agentStateChanged', (s) => s.state === 'after-call-work');
    await request('hangUpCall', { callId: call.callId });
    expect((await acw).acw).toMatchObject({ callId: call.callId });
    expect(contactsRow(call.callId)).toMatchObject({ direction: 'inbound' });
    expect((await run.done).code).toBe(0);
    expect(errors).toEqual([]);
  });
});
