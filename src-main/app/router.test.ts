import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';
import { silentLogger } from './logger';
import { ContractError } from '../../src-shared/contract';
import { WireMessage } from '../../src-shared/wire';

function handlers(): Handlers {
  const never = () => {
    throw new Error('service must not run');
  };
  return {
    getAppInfo: vi.fn(() => ({
      name: 'Agent Desktop',
      version: '0.0.0',
      host: 'web' as const,
      demo: false,
      uiLocale: 'en' as const,
      agent: { extension: '1001', displayName: 'Agent' },
    })),
    getSoftphoneStatus: vi.fn(never),
    listCalls: vi.fn(never),
    getScreenPop: vi.fn(never),
    answerCall: vi.fn(never),
    rejectCall: vi.fn(never),
    hangUpCall: vi.fn(never),
    holdCall: vi.fn(never),
    pauseRecording: vi.fn(never),
    muteCall: vi.fn(never),
    sendDtmf: vi.fn(never),
    transferCall: vi.fn(never),
    consultCall: vi.fn(never),
    completeTransfer: vi.fn(never),
    dial: vi.fn(never),
    getAgentState: vi.fn(never),
    setAgentState: vi.fn(never),
    extendAfterCallWork: vi.fn(never),
    setDisposition: vi.fn(never),
    finishAfterCallWork: vi.fn(never),
    setNextAgentState: vi.fn(never),
    reportNetworkChange: vi.fn(never),
    // Workspace panels (knowledge, replies, work orders).
    searchKb: vi.fn(never),
    suggestKb: vi.fn(never),
    getKbArticle: vi.fn(never),
    markKbHelped: vi.fn(never),
    listTemplates: vi.fn(never),
    getTeamCoachRules: vi.fn(never),
    getWorkOrderSettings: vi.fn(never),
    saveWorkOrderDraft: vi.fn(never),
    getWorkOrderDraft: vi.fn(never),
    discardWorkOrderDraft: vi.fn(never),
    submitWorkOrder: vi.fn(never),
    listWorkOrders: vi.fn(never),
    setWorkOrderStatus: vi.fn(never),
    createCustomer: vi.fn(never),
    mediaResult: vi.fn(never),
    reportCallQuality: vi.fn(never),
    setDemoBadNetwork: vi.fn(never),
    startConnectionTest: vi.fn(never),
    reportLiveQuality: vi.fn(never),
    reportConnectionTest: vi.fn(never),
    getFloor: vi.fn(never),
    getReport: vi.fn(never),
    monitorAgent: vi.fn(never),
    getSettings: vi.fn(never),
    saveSettings: vi.fn(never),
    listDueFollowUps: vi.fn(never),
    completeFollowUp: vi.fn(never),
    claimWorkOrder: vi.fn(never),
    getSyncStatus: vi.fn(never),
    listSyncDecisions: vi.fn(never),
    acceptSyncDecision: vi.fn(never),
    getTeamDesktops: vi.fn(never),
    getTeamSession: vi.fn(never),
    listTeamMembers: vi.fn(never),
    assignWorkOrder: vi.fn(never),
    signInTeam: vi.fn(never),
    signOutTeam: vi.fn(never),
    searchRecordings: vi.fn(never),
    getRecordingAudio: vi.fn(never),
    findCallRecordings: vi.fn(never),
  };
}
const trusted = { trusted: true, description: 'test' };

describe('contract router', () => {
  it('answers a valid request', async () => {
    const h = handlers();
    const reply = await createRouter(h, silentLogger)('getAppInfo', {}, trusted);
    expect(reply).toMatchObject({ ok: true, result: { version: '0.0.0' } });
  });

  it('rejects an unknown channel without running anything', async () => {
    const reply = await createRouter(handlers(), silentLogger)('deleteEverything', {}, trusted);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('does not treat inherited object keys as channels', async () => {
    const reply = await createRouter(handlers(), silentLogger)('toString', {}, trusted);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('rejects an untrusted sender before looking at the request', async () => {
    const h = handlers();
    const reply = await createRouter(h, silentLogger)('getAppInfo', {}, { trusted: false, description: 'https://evil' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(h.getAppInfo).not.toHaveBeenCalled();
  });

  it('rejects a payload that violates the contract with a message naming the field', async () => {
    const h = handlers();
    const reply = await createRouter(h, silentLogger)('rejectCall', { callId: 'abc', code: 500 }, trusted);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_REQUEST');
      expect(reply.error.issues?.[0]?.path).toBe('code');
    }
    expect(h.rejectCall).not.toHaveBeenCalled();
  });

  it('rejects extra fields and script-looking ids', async () => {
    const h = handlers();
    const router = createRouter(h, silentLogger);
    expect(await router('answerCall', { callId: 'a', extra: 1 }, trusted)).toMatchObject({ ok: false });
    expect(await router('answerCall', { callId: '<img src=x>' }, trusted)).toMatchObject({ ok: false });
    expect(h.answerCall).not.toHaveBeenCalled();
  });

  it('refuses settings with a plain ws:// PBX off this computer before anything is saved, naming the field', async () => {
    const h = handlers();
    const router = createRouter(h, silentLogger);
    const pbx = { server: 'ws://pbx.example.com:8080/ws', domain: 'pbx.example.com', extension: '1001', displayName: 'Li Na' };
    const reply = await router('saveSettings', { pbx, password: 'secret', uiLocale: 'th' }, trusted);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', issues: [{ path: 'pbx.server', message: 'settings.issue.wssRequired' }] } });
    // The password is never echoed back in the refusal.
    expect(JSON.stringify(reply)).not.toContain('secret');
    expect(h.saveSettings).not.toHaveBeenCalled();
  });

  it('turns a service exception into a FAILED reply', async () => {
    const h = handlers();
    const reply = await createRouter(h, silentLogger)('listCalls', {}, trusted);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED', message: expect.stringContaining('must not run') } });
  });

  it("carries the error's message key and params to the renderer, over the web shell's wire as well", async () => {
    const h = handlers();
    h.dial = vi.fn(() => {
      throw new ContractError('INVALID_REQUEST', '"x" is not callable.', undefined, { key: 'mainError.call.badTarget', params: { number: 'x'.repeat(500) } });
    });
    const reply = await createRouter(h, silentLogger)('dial', { number: '1001' }, trusted);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', key: 'mainError.call.badTarget', params: { number: 'x'.repeat(200) } } });
    if (reply.ok) return;
    const wire = WireMessage.parse(JSON.parse(JSON.stringify({ id: 1, ok: false, error: reply.error })));
    expect(wire).toMatchObject({ error: { key: 'mainError.call.badTarget', params: { number: 'x'.repeat(200) } } });
  });
});
