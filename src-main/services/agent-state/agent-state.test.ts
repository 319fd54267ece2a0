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

  it('the time box ends ACW when a disposition was chosen', () => {
    agent.callEnded('c-1');
    agent.setDisposition('c-1', 'resolved');
    vi.advanceTimersByTime(30_000);
    expect(agent.state.state).toBe('ready');
  });

  it('without a disposition the time box marks ACW overdue; choosing one then makes the agent Ready', () => {
    agent.callEnded('c-1');
    vi.advanceTimersByTime(30_000);
    expect(agent.state).toMatchObject({ state: 'after-call-work', acw: { overdue: true } });
    expect(agent.setDisposition('c-1', 'escalated').state).toBe('ready');
  });

  it('ACW extends once by the configured time', () => {
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

  it('refusing while not Ready can be switched off', () => {
    const lenient = new AgentStateMachine({ ...DEFAULT_AGENT_SETTINGS, refuseWhenNotReady: false });
    expect(lenient.acceptsInbound()).toBe(true);
  });
});
