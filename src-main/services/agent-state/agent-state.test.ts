import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_AGENT_SETTINGS } from '../../../src-shared/domain/agent-state';
import { AgentStateMachine } from './agent-state';

describe('AgentStateMachine', () => {
  let agent: AgentStateMachine;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    agent = new AgentStateMachine({ ...DEFAULT_AGENT_SETTINGS, acwSeconds: 30 });
  });
  afterEach(() => {
    agent.dispose();
    vi.useRealTimers();
  });

  it('starts Not Ready and refuses inbound calls until Ready', () => {
    expect(agent.state.state).toBe('not-ready');
    expect(agent.acceptsInbound()).toBe(false);
    agent.setReady();
    expect(agent.acceptsInbound()).toBe(true);
  });

  it('Not Ready takes only a configured reason code', () => {
    expect(agent.setNotReady('meal')).toMatchObject({ state: 'not-ready', reasonCode: 'meal' });
    expect(() => agent.setNotReady('nap')).toThrow(/not one of the Not Ready reasons/);
  });

  it('after-call work is left only after a disposition', () => {
    agent.setReady();
    agent.callEnded('c-1');
    expect(agent.acceptsInbound()).toBe(false);
    expect(() => agent.setReady()).toThrow(/choose a disposition/);
    expect(() => agent.finishAcw()).toThrow(/Choose a disposition/);
    agent.setDisposition('c-1', 'resolved');
    expect(agent.finishAcw()).toMatchObject({ state: 'ready', acw: null });
  });

  it('the time box ends ACW when a disposition was chosen (back to Ready, the state before the call)', () => {
    agent.setReady();
    agent.callEnded('c-1');
    agent.setDisposition('c-1', 'resolved');
    vi.advanceTimersByTime(30_000);
    expect(agent.state.state).toBe('ready');
  });

  it('without a disposition the time box marks ACW overdue; choosing one then makes the agent Ready', () => {
    agent.setReady();
    agent.callEnded('c-1');
    vi.advanceTimersByTime(30_000);
    expect(agent.state).toMatchObject({ state: 'after-call-work', acw: { overdue: true } });
    expect(agent.setDisposition('c-1', 'escalated').state).toBe('ready');
  });

  it('ACW extends once by the configured time', () => {
    agent.setReady();
    agent.callEnded('c-1');
    vi.advanceTimersByTime(10_000);
    expect(agent.extendAcw().acw).toMatchObject({ extended: true, endsAt: 1_000_000 + 60_000 });
    expect(() => agent.extendAcw()).toThrow(/only once/);
    agent.setDisposition('c-1', 'resolved');
    vi.advanceTimersByTime(49_999);
    expect(agent.state.state).toBe('after-call-work');
    vi.advanceTimersByTime(1);
    expect(agent.state.state).toBe('ready');
  });

  it('an agent on a meal break who returns a callback is back on the break when the work is done, not Ready', () => {
    agent.setNotReady('meal');
    agent.callEnded('callback-1');
    agent.setDisposition('callback-1', 'resolved');
    expect(agent.finishAcw()).toMatchObject({ state: 'not-ready', reasonCode: 'meal', acw: null });
    expect(agent.acceptsInbound()).toBe(false);
  });

  it('the time box running out also returns to the state before the call', () => {
    agent.setNotReady('training');
    agent.callEnded('c-1');
    vi.advanceTimersByTime(30_000);
    expect(agent.state).toMatchObject({ state: 'after-call-work', acw: { overdue: true } });
    expect(agent.setDisposition('c-1', 'no-action')).toMatchObject({ state: 'not-ready', reasonCode: 'training' });
  });

  it('a next state chosen during the call ("Not Ready · meal") is applied when the work is done, then forgotten', () => {
    agent.setReady();
    agent.setNextState({ state: 'not-ready', reasonCode: 'meal' });
    expect(agent.state).toMatchObject({ state: 'ready', nextState: { state: 'not-ready', reasonCode: 'meal' } });
    agent.callEnded('c-1');
    agent.setDisposition('c-1', 'resolved');
    vi.advanceTimersByTime(30_000);
    expect(agent.state).toMatchObject({ state: 'not-ready', reasonCode: 'meal', nextState: null });
  });

  it('a next state chosen in after-call work wins over the state before the call; null goes back to that state', () => {
    agent.setNotReady('meal');
    agent.callEnded('c-1');
    agent.setNextState({ state: 'ready', reasonCode: null });
    agent.setDisposition('c-1', 'resolved');
    expect(agent.finishAcw()).toMatchObject({ state: 'ready', reasonCode: null });
    agent.setNotReady('meal');
    agent.setNextState({ state: 'ready', reasonCode: null });
    agent.setNextState(null);
    agent.callEnded('c-2');
    agent.setDisposition('c-2', 'resolved');
    expect(agent.finishAcw()).toMatchObject({ state: 'not-ready', reasonCode: 'meal' });
    expect(() => agent.setNextState({ state: 'not-ready', reasonCode: 'nap' })).toThrow(/not one of the Not Ready reasons/);
  });

  it('a second call ending during after-call work: each call keeps its own disposition and neither is lost', () => {
    agent.setNotReady('meal');
    agent.callEnded('c-1');
    agent.setDisposition('c-1', 'escalated');
    agent.callEnded('c-2');
    expect(agent.state.acw).toMatchObject({
      callId: 'c-2',
      disposition: null,
      earlier: [{ callId: 'c-1', disposition: 'escalated' }],
      returnTo: { state: 'not-ready', reasonCode: 'meal' },
    });
    expect(() => agent.finishAcw()).toThrow(/Choose a disposition/);
    agent.setDisposition('c-2', 'resolved');
    expect(agent.state.acw).toMatchObject({ disposition: 'resolved', earlier: [{ callId: 'c-1', disposition: 'escalated' }] });
    expect(agent.finishAcw()).toMatchObject({ state: 'not-ready', reasonCode: 'meal' });
  });

  it('an earlier call without a disposition keeps the agent in after-call work until it has one', () => {
    agent.setReady();
    agent.callEnded('c-1');
    agent.callEnded('c-2');
    agent.setDisposition('c-2', 'resolved');
    vi.advanceTimersByTime(30_000);
    expect(agent.state).toMatchObject({ state: 'after-call-work', acw: { overdue: true, earlier: [{ callId: 'c-1', disposition: null }] } });
    expect(agent.setDisposition('c-1', 'callback-promised')).toMatchObject({ state: 'ready', acw: null });
    expect(() => agent.setDisposition('c-9', 'resolved')).toThrow(/not in after-call work/);
  });

  it('a next state chosen for a call that ended unanswered applies once the agent is free', () => {
    agent.setNotReady('meal');
    agent.setNextState({ state: 'ready', reasonCode: null });
    expect(agent.applyNextState()).toMatchObject({ state: 'ready', nextState: null });
  });

  it('refusing while not Ready can be switched off', () => {
    const lenient = new AgentStateMachine({ ...DEFAULT_AGENT_SETTINGS, refuseWhenNotReady: false });
    expect(lenient.acceptsInbound()).toBe(true);
  });
});
