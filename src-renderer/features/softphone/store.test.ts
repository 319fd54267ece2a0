import { beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../../../src-shared/domain/call';
import type { ScreenPop } from '../../../src-shared/domain/screen-pop';
import { useWorkspace } from './store';

const call = (over: Partial<Call>): Call => ({
  callId: 'c1',
  direction: 'inbound',
  state: 'ringing',
  remoteNumber: '13812345678',
  displayName: null,
  headers: { queue: null, customerId: null, ivrPath: null, language: null },
  startedAt: 0,
  answeredAt: null,
  endedAt: null,
  endReason: null,
  hold: 'off',
  muted: false,
  recording: 'off',
  transfer: null,
  consultFor: null,
  ...over,
});
const pop: ScreenPop = { kind: 'unknown', number: '+8613812345678', recentContacts: [] };

describe('workspace store: the calls on screen', () => {
  beforeEach(() => useWorkspace.setState({ call: null, screenPop: null, consult: null }));

  it('keeps a consultation call beside the customer\'s call and follows both', () => {
    const { showCall, callUpdated } = useWorkspace.getState();
    showCall(call({ state: 'active', hold: 'held' }), pop);
    callUpdated(call({ callId: 'k1', direction: 'outbound', state: 'connecting', remoteNumber: '2002', consultFor: 'c1' }));
    callUpdated(call({ callId: 'k1', direction: 'outbound', state: 'active', remoteNumber: '2002', consultFor: 'c1' }));
    expect(useWorkspace.getState().call?.callId).toBe('c1');
    expect(useWorkspace.getState().consult?.state).toBe('active');
  });

  it('ignores a consultation call for some other call', () => {
    const { showCall, callUpdated } = useWorkspace.getState();
    showCall(call({ state: 'active' }), pop);
    callUpdated(call({ callId: 'k9', direction: 'outbound', consultFor: 'other' }));
    expect(useWorkspace.getState().consult).toBeNull();
  });

  it('puts a dialled call on screen from its first event, and a late answer to dial does not turn back its state', () => {
    const { showCall, callUpdated } = useWorkspace.getState();
    showCall(call({ state: 'ended' }), pop);
    callUpdated(call({ callId: 'o1', direction: 'outbound', state: 'active' }));
    expect(useWorkspace.getState()).toMatchObject({ call: { callId: 'o1', state: 'active' }, screenPop: null });
    showCall(call({ callId: 'o1', direction: 'outbound', state: 'connecting' }), pop);
    expect(useWorkspace.getState()).toMatchObject({ call: { callId: 'o1', state: 'active' }, screenPop: pop });
  });

  it('does not let an outbound call push aside a live call', () => {
    const { showCall, callUpdated } = useWorkspace.getState();
    showCall(call({ state: 'active' }), pop);
    callUpdated(call({ callId: 'o2', direction: 'outbound', state: 'connecting' }));
    expect(useWorkspace.getState().call?.callId).toBe('c1');
  });
});

describe('workspace store: call waiting', () => {
  beforeEach(() => useWorkspace.setState({ call: null, screenPop: null, consult: null, waiting: null }));
  const second: ScreenPop = { kind: 'unknown', number: '+8613900000002', recentContacts: [] };

  it('keeps the active call on screen when a second one rings, and shows the second as waiting', () => {
    const { showCall } = useWorkspace.getState();
    showCall(call({ state: 'active' }), pop);
    showCall(call({ callId: 'c2', remoteNumber: '13900000002' }), second);
    expect(useWorkspace.getState()).toMatchObject({ call: { callId: 'c1' }, screenPop: pop, waiting: { call: { callId: 'c2' }, screenPop: second } });
  });

  it('drops the waiting call when it stops ringing, and puts it on screen when the first call ends first', () => {
    const { showCall, callUpdated } = useWorkspace.getState();
    showCall(call({ state: 'active' }), pop);
    showCall(call({ callId: 'c2' }), second);
    callUpdated(call({ callId: 'c2', state: 'ended' }));
    expect(useWorkspace.getState().waiting).toBeNull();

    showCall(call({ callId: 'c3' }), second);
    callUpdated(call({ state: 'ended' }));
    expect(useWorkspace.getState()).toMatchObject({ call: { callId: 'c3', state: 'ringing' }, screenPop: second, waiting: null });
  });
});
