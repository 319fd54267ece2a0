import { EventEmitter } from 'node:events';
import type { AgentSettings, AgentState } from '../../../src-shared/domain/agent-state';
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
 * answered call, is time-boxed (extendable once) and is left only once a disposition has been chosen.
 */
export class AgentStateMachine extends EventEmitter<{ changed: [AgentState] }> {
  private current: AgentState;
  private timer: unknown = null;

  constructor(
    private readonly settings: AgentSettings,
    private readonly now: () => number = Date.now,
    private readonly timers: Timers = realTimers,
  ) {
    super();
    // Nobody gets a call before saying they are ready.
    this.current = { state: 'not-ready', reasonCode: null, since: now(), acw: null };
  }

  get state(): AgentState {
    return this.current;
  }

  /** Whether an inbound call should ring; the answer the PBX gets otherwise is 486 Busy Here. */
  acceptsInbound(): boolean {
    return this.current.state === 'ready' || !this.settings.refuseWhenNotReady;
  }

  setReady(): AgentState {
    this.requireNoAcw('Ready');
    return this.set({ state: 'ready', reasonCode: null, acw: null });
  }

  setNotReady(reasonCode: string): AgentState {
    if (!this.settings.notReadyReasons.includes(reasonCode)) {
      throw new ContractError('INVALID_REQUEST', `"${reasonCode}" is not one of the Not Ready reasons: ${this.settings.notReadyReasons.join(', ')}.`);
    }
    this.requireNoAcw('Not Ready');
    return this.set({ state: 'not-ready', reasonCode, acw: null });
  }

  /** An answered call ended: after-call work starts for it. */
  callEnded(callId: string): AgentState {
    this.startTimer(this.settings.acwSeconds * 1000);
    return this.set({
      state: 'after-call-work',
      reasonCode: null,
      acw: { callId, endsAt: this.now() + this.settings.acwSeconds * 1000, extended: false, disposition: null, overdue: false },
    });
  }

  extendAcw(): AgentState {
    const acw = this.requireAcw();
    if (acw.extended) throw new ContractError('FAILED', 'After-call work can be extended only once.');
    const endsAt = Math.max(acw.endsAt, this.now()) + this.settings.acwSeconds * 1000;
    this.startTimer(endsAt - this.now());
    return this.set({ acw: { ...acw, endsAt, extended: true, overdue: false } });
  }

  /** Records the disposition; the agent is Ready again at once when the time box already ran out. */
  setDisposition(callId: string, disposition: string): AgentState {
    const acw = this.requireAcw();
    if (acw.callId !== callId) throw new ContractError('FAILED', 'That call is not the one in after-call work.');
    if (!this.settings.dispositions.includes(disposition)) {
      throw new ContractError('INVALID_REQUEST', `"${disposition}" is not one of the dispositions: ${this.settings.dispositions.join(', ')}.`);
    }
    const next = this.set({ acw: { ...acw, disposition } });
    return acw.overdue ? this.finishAcw() : next;
  }

  /** Leaves after-call work for Ready; only with a disposition chosen. */
  finishAcw(): AgentState {
    const acw = this.requireAcw();
    if (acw.disposition === null) throw new ContractError('FAILED', 'Choose a disposition for the call before leaving after-call work.');
    this.clearTimer();
    return this.set({ state: 'ready', reasonCode: null, acw: null });
  }

  dispose(): void {
    this.clearTimer();
  }

  private onTimeBoxEnd(): void {
    this.timer = null;
    const acw = this.current.acw;
    if (!acw) return;
    if (acw.disposition !== null) this.finishAcw();
    else this.set({ acw: { ...acw, overdue: true } });
  }

  private requireAcw(): NonNullable<AgentState['acw']> {
    if (this.current.state !== 'after-call-work' || !this.current.acw) throw new ContractError('FAILED', 'The agent is not in after-call work.');
    return this.current.acw;
  }

  private requireNoAcw(target: string): void {
    if (this.current.state === 'after-call-work') {
      throw new ContractError('FAILED', `Finish after-call work (choose a disposition) before going ${target}.`);
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
