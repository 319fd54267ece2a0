import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentDesktop } from '../../src-main/app/agent-desktop';
import { AppConfig } from '../../src-main/app/config';
import type { Call } from '../../src-shared/domain/call';
import { busEvent, labLogger, nextEvent, startLab, type Lab } from './lab-helpers';

const agent = { extension: '1001', password: 'lab-secret-1001' };
const trusted = { trusted: true, description: 'lab test' };

/** What a team lead sees of the agent now: the PIDF note and basic status from the PBX's NOTIFY. */
async function teamLeadSees(lab: Lab): Promise<string[]> {
  const run = await lab.customer.watchAgent(agent.extension);
  const { code, output } = await run.done;
  if (code !== 0) throw new Error(`the team lead's SUBSCRIBE failed: ${output.slice(-500)}`);
  return run.logged();
}


describe('agent states with the real Kamailio and SIPp', () => {
  let lab: Lab;
  let app: AgentDesktop;
  const request = async (channel: string, payload: unknown) => {
    const reply = await app.router(channel, payload, trusted);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
    return reply.result;
  };

  beforeAll(async () => {
    lab = await startLab([agent]);
    app = new AgentDesktop({
      config: AppConfig.parse({ agent: { acwSeconds: 30 } }),
      dataDir: mkdtempSync(join(tmpdir(), 'agent-desktop-states-')),
      host: 'web',
      version: 'test',
      demo: false,
      sipPassword: agent.password,
      logger: labLogger,
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

  it('starts Not Ready, published to the PBX; an inbound call is refused with 486 and still leaves a contacts row', async () => {
    if (!app.softphone!.presencePublished) await nextEvent<[string]>(app.softphone!, 'presence');
    expect(await teamLeadSees(lab)).toEqual(['NOTE <note>Not Ready</note>', 'BASIC <basic>closed</basic>']);
    const ended = nextEvent<[Call]>(app.softphone!, 'ended', () => true);
    let rang = false;
    app.softphone!.once('incoming', () => (rang = true));
    const run = await lab.customer.call({ caller: '13812345678', callerName: 'While not ready', agent: agent.extension });
    const result = await run.done;
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/486/);
    const { call } = (await ended) as unknown as { call: Call };
    expect(rang).toBe(false);
    expect(call.endReason).toBe('refused: agent not ready');
    const row = app.cache.db.prepare('SELECT direction, duration_s, disposition, agent FROM contacts WHERE external_id = ?').get(`call:${call.callId}`);
    expect(row).toEqual({ direction: 'inbound', duration_s: 0, disposition: 'refused: agent not ready', agent: '1001' });
  });

  it('Not Ready with a reason code shows on the PBX with the reason in the note', async () => {
    const published = nextEvent<[string]>(app.softphone!, 'presence', (pidf) => pidf.includes('meal'));
    await request('setAgentState', { state: 'not-ready', reasonCode: 'meal' });
    await published;
    expect(await teamLeadSees(lab)).toContain('NOTE <note>Not Ready: meal</note>');
    await expect(request('setAgentState', { state: 'not-ready', reasonCode: 'nap' })).rejects.toThrow(/not one of the Not Ready reasons/);
  });

  it('Ready: the call rings and is answered; after-call work follows and is left only with a disposition, which lands on the contacts row', async () => {
    const published = nextEvent<[string]>(app.softphone!, 'presence', (pidf) => pidf.includes('<note>Ready</note>'));
    await request('setAgentState', { state: 'ready' });
    await published;
    expect(await teamLeadSees(lab)).toEqual(['NOTE <note>Ready</note>', 'BASIC <basic>open</basic>']);
    const ringing = nextEvent<[Call]>(app.softphone!, 'incoming');
    const run = await lab.customer.talk({ caller: '+8613812345678', callerName: 'Ready now', agent: agent.extension });
    const call = await ringing;
    const active = busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.state === 'active');
    await request('answerCall', { callId: call.callId });
    await active;
    await request('holdCall', { callId: call.callId, on: true });
    await request('holdCall', { callId: call.callId, on: false });
    const acw = busEvent(app, 'agentStateChanged', (s) => s.state === 'after-call-work');
    await request('hangUpCall', { callId: call.callId });
    expect((await acw).acw).toMatchObject({ callId: call.callId, extended: false, disposition: null });
    expect((await run.done).code).toBe(0);
    await expect(request('finishAfterCallWork', {})).rejects.toThrow(/Choose a disposition/);
    await expect(request('extendAfterCallWork', {})).resolves.toMatchObject({ acw: { extended: true } });
    await request('setDisposition', { callId: call.callId, disposition: 'resolved' });
    await expect(request('finishAfterCallWork', {})).resolves.toMatchObject({ state: 'ready' });
    const row = app.cache.db
      .prepare('SELECT direction, number, queue, disposition, transfer_target FROM contacts WHERE external_id = ?')
      .get(`call:${call.callId}`);
    expect(row).toEqual({ direction: 'inbound', number: '+8613812345678', queue: 'support', disposition: 'resolved', transfer_target: null });
  });

  /** A callback dialled out through the trunk, where SIPp answers as the customer; resolves once it is talking. */
  async function callback(number: string) {
    const trunk = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 50);
    const call = (await request('dial', { number, customerId: null })) as Call;
    await busEvent(app, 'callUpdated', (c) => c.callId === call.callId && c.state === 'active');
    return { call, trunk };
  }

  async function hangUpIntoAcw(callId: string) {
    const acw = busEvent(app, 'agentStateChanged', (s) => s.state === 'after-call-work' && s.acw?.callId === callId);
    await request('hangUpCall', { callId });
    return acw;
  }

  const dispositionOf = (callId: string) => app.cache.db.prepare('SELECT disposition FROM contacts WHERE external_id = ?').pluck().get(`call:${callId}`);

  it('on a meal break the agent returns one callback: after-call work ends back on the meal break, and the PBX says so', async () => {
    await request('setAgentState', { state: 'not-ready', reasonCode: 'meal' });
    const { call, trunk } = await callback('+8613900001111');
    expect((await hangUpIntoAcw(call.callId)).acw).toMatchObject({ returnTo: { state: 'not-ready', reasonCode: 'meal' } });
    expect((await trunk.done).code).toBe(0);
    await request('setDisposition', { callId: call.callId, disposition: 'resolved' });
    const published = nextEvent<[string]>(app.softphone!, 'presence', (pidf) => pidf.includes('<note>Not Ready: meal</note>'));
    await expect(request('finishAfterCallWork', {})).resolves.toMatchObject({ state: 'not-ready', reasonCode: 'meal' });
    await published;
    expect(await teamLeadSees(lab)).toEqual(['NOTE <note>Not Ready: meal</note>', 'BASIC <basic>closed</basic>']);
    // While Not Ready the next customer is refused (486), not rung at an empty desk.
    const run = await lab.customer.call({ caller: '13812345678', callerName: 'Nobody there', agent: agent.extension });
    expect((await run.done).output).toMatch(/486/);
  });

  it('"Not Ready · meal" picked while talking applies after the work; a second call ending in the work keeps its own disposition', async () => {
    await request('setAgentState', { state: 'ready' });
    await expect(request('setNextAgentState', { next: { state: 'ready', reasonCode: null } })).rejects.toThrow(/during a call or after-call work/);
    const ringing = nextEvent<[Call]>(app.softphone!, 'incoming');
    const run = await lab.customer.talk({ caller: '+8613812345678', callerName: 'First', agent: agent.extension });
    const first = await ringing;
    const active = busEvent(app, 'callUpdated', (c) => c.callId === first.callId && c.state === 'active');
    await request('answerCall', { callId: first.callId });
    await active;
    await expect(request('setNextAgentState', { next: { state: 'not-ready', reasonCode: 'meal' } })).resolves.toMatchObject({
      state: 'ready',
      nextState: { state: 'not-ready', reasonCode: 'meal' },
    });
    await hangUpIntoAcw(first.callId);
    expect((await run.done).code).toBe(0);
    await request('setDisposition', { callId: first.callId, disposition: 'escalated' });

    // In after-call work the agent rings the customer back; that call ends while the first one's work is open.
    const { call: second, trunk } = await callback('+8613900002222');
    const acw = (await hangUpIntoAcw(second.callId)).acw;
    expect((await trunk.done).code).toBe(0);
    expect(acw).toMatchObject({ callId: second.callId, disposition: null, earlier: [{ callId: first.callId, disposition: 'escalated' }] });
    await expect(request('finishAfterCallWork', {})).rejects.toThrow(/Choose a disposition/);
    await request('setDisposition', { callId: second.callId, disposition: 'callback-promised' });
    await expect(request('finishAfterCallWork', {})).resolves.toMatchObject({ state: 'not-ready', reasonCode: 'meal', nextState: null });
    expect([dispositionOf(first.callId), dispositionOf(second.callId)]).toEqual(['escalated', 'callback-promised']);
  });
});
