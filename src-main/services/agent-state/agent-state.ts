import { EventEmitter } from 'node:events';
import type { AgentSettings, AgentState, AgentStateTarget } from '../../../src-shared/domain/agent-state';
import { ContractError } from '../../../src-shared/contract';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * The agent's availability: Ready, Not Ready (with a reason code) and After-Call Work. ACW follows every
 * answered call, is time-boxed (extendable once) and is left only once every call in it has a disposition.
 * Leaving it returns the agent to the state before the call (an agent on a meal break who returns one callback
 * is back on the break), or to the next state the agent chose during the call or the work.
 */
export class AgentStateMachine extends EventEmitter<{ changed: [AgentState] }> {
  private current: AgentState;
  private timer: unknown = null;
  private readonly readSettings: () => AgentSettings;

  /** settings may be a function: the team's published lists change while the app runs, and are read each time. */
  constructor(
    settings: AgentSettings | (() => AgentSettings),
    private readonly now: () => number = Date.now,
    private readonly timers: Timers = realTimers,
  ) {
    super();
    this.readSettings = typeof settings === 'function' ? settings : () => settings;
    // Nobody gets a call before saying they are ready.
    this.current = { state: 'not-ready', reasonCode: null, since: now(), acw: null, nextState: null };
  }

  get state(): AgentState {
    return this.current;
  }

  get settings(): AgentSettings {
    return this.readSettings();
  }

  /** Whether an inbound call should ring; the answer the PBX gets otherwise is 486 Busy Here. */
  acceptsInbound(): boolean {
    return this.current.state === 'ready' || !this.settings.refuseWhenNotReady;
  }

  /** A state set directly replaces any next state chosen before it. */
  setReady(): AgentState {
    this.requireNoAcw('Ready');
    return this.set({ state: 'ready', reasonCode: null, acw: null, nextState: null });
  }

  setNotReady(reasonCode: string): AgentState {
    this.requireReason(reasonCode);
    this.requireNoAcw('Not Ready');
    return this.set({ state: 'not-ready', reasonCode, acw: null, nextState: null });
  }

  /** The state to go to when after-call work is done (null: back to the state before the call). */
  setNextState(next: AgentStateTarget | null): AgentState {
    if (next?.state === 'not-ready') this.requireReason(next.reasonCode ?? '');
    return this.set({ nextState: next?.state === 'ready' ? { state: 'ready', reasonCode: null } : next });
  }

  /** A call ended without after-call work (unanswered, monitoring) and the agent is free: a chosen next state applies. */
  applyNextState(): AgentState {
    const next = this.current.nextState;
    if (!next || this.current.state === 'after-call-work') return this.current;
    return this.set({ ...next, nextState: null });
  }

  /**
   * An answered call ended: after-call work starts for it. When it ends during the work for an earlier call,
   * that call keeps its disposition (it must still have one to leave) and the return state stays the one
   * from before the first call; the time box starts again for the new call.
   */
  callEnded(callId: string): AgentState {
    const { state, reasonCode, acw } = this.current;
    const returnTo: AgentStateTarget = acw ? acw.returnTo : { state: state === 'ready' ? 'ready' : 'not-ready', reasonCode };
    const earlier = acw ? [...acw.earlier, { callId: acw.callId, disposition: acw.disposition }] : [];
    this.startTimer(this.settings.acwSeconds * 1000);
    return this.set({
      state: 'after-call-work',
      reasonCode: null,
      acw: { callId, endsAt: this.now() + this.settings.acwSeconds * 1000, extended: false, disposition: null, overdue: false, returnTo, earlier },
    });
  }

  extendAcw(): AgentState {
    const acw = this.requireAcw();
    if (acw.extended) throw new ContractError('FAILED', 'After-call work can be extended only once.', undefined, { key: 'mainError.acw.extendOnce' });
    const endsAt = Math.max(acw.endsAt, this.now()) + this.settings.acwSeconds * 1000;
    this.startTimer(endsAt - this.now());
    return this.set({ acw: { ...acw, endsAt, extended: true, overdue: false } });
  }

  /** Records a call's disposition; when the time box already ran out and every call has one, the work is done. */
  setDisposition(callId: string, disposition: string): AgentState {
    const acw = this.requireAcw();
    if (!this.settings.dispositions.includes(disposition)) {
      throw new ContractError('INVALID_REQUEST', `"${disposition}" is not one of the dispositions: ${this.settings.dispositions.join(', ')}.`, undefined, {
        key: 'mainError.acw.unknownDisposition',
        params: { disposition },
      });
    }
    let next: typeof acw;
    if (acw.callId === callId) next = { ...acw, disposition };
    else if (acw.earlier.some((c) => c.callId === callId)) {
      next = { ...acw, earlier: acw.earlier.map((c) => (c.callId === callId ? { callId, disposition } : c)) };
    } else throw new ContractError('FAILED', 'That call is not one in after-call work.', undefined, { key: 'mainError.acw.notThatCall' });
    const state = this.set({ acw: next });
    return next.overdue && allDisposed(next) ? this.finishAcw() : state;
  }

  /** Leaves after-call work for the chosen next state, or the state before the call; only with every disposition. */
  finishAcw(): AgentState {
    const acw = this.requireAcw();
    if (!allDisposed(acw)) throw new ContractError('FAILED', 'Choose a disposition for each call before leaving after-call work.', undefined, {
      key: 'mainError.acw.dispositionMissing',
    });
    this.clearTimer();
    const target = this.current.nextState ?? acw.returnTo;
    return this.set({ state: target.state, reasonCode: target.reasonCode, acw: null, nextState: null });
  }

  dispose(): void {
    this.clearTimer();
  }

  private onTimeBoxEnd(): void {
    this.timer = null;
    const acw = this.current.acw;
    if (!acw) return;
    if (allDisposed(acw)) this.finishAcw();
    else this.set({ acw: { ...acw, overdue: true } });
  }

  private requireReason(reasonCode: string): void {
    if (!this.settings.notReadyReasons.includes(reasonCode)) {
      throw new ContractError('INVALID_REQUEST', `"${reasonCode}" is not one of the Not Ready reasons: ${this.settings.notReadyReasons.join(', ')}.`, undefined, {
        key: 'mainError.state.unknownReason',
        params: { reasonCode },
      });
    }
  }

  private requireAcw(): NonNullable<AgentState['acw']> {
    if (this.current.state !== 'after-call-work' || !this.current.acw) throw new ContractError('FAILED', 'The agent is not in after-call work.', undefined, { key: 'mainError.acw.notInAcw' });
    return this.current.acw;
  }

  private requireNoAcw(target: string): void {
    if (this.current.state === 'after-call-work') {
      throw new ContractError('FAILED', `Finish after-call work (choose a disposition) before going ${target}.`, undefined, { key: 'mainError.acw.finishFirst' });
    }
  }

  private startTimer(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => this.onTimeBoxEnd(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<AgentState>): AgentState {
    const changesState = patch.state !== undefined && patch.state !== this.current.state;
    this.current = { ...this.current, ...patch, since: changesState ? this.now() : this.current.since };
    this.emit('changed', this.current);
    return this.current;
  }
}

const allDisposed = (acw: NonNullable<AgentState['acw']>) => acw.disposition !== null && acw.earlier.every((c) => c.disposition !== null);
