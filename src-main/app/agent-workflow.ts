import { ContractError } from '../../src-shared/contract';
import type { AgentSettings, AgentStateTarget } from '../../src-shared/domain/agent-state';
import type { Call } from '../../src-shared/domain/call';
import type { CallQualityLevel } from '../../src-shared/quality/level';
import { AgentStateMachine } from '../services/agent-state/agent-state';
import type { CallRecorder } from '../services/contacts/call-recorder';
import { agentPidf } from '../services/presence/pidf';
import type { Softphone } from '../services/softphone/softphone';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';

/**
 * How the phone and the agent's state work together: calls are refused with 486 while not Ready, every
 * answered call is followed by after-call work, every call leaves a contacts row, the disposition lands on
 * it, and each change of state goes to the PBX as presence for the team leads.
 */
export class AgentWorkflow {
  readonly agent: AgentStateMachine;
  /** A team lead's listen / whisper / barge calls: no after-call work and no contacts row for those. */
  readonly monitoringCalls = new Set<string>();
  /** The live quality of the agent's call, as her window judges it; published with her presence for the lead. */
  private callQuality: CallQualityLevel | null = null;
  /** The verdict of her last "Test my connection", this session. */
  private connectionTest: CallQualityLevel | null = null;
  /** When after-call work began for each call still in it (the call's end). */
  private readonly acwSince = new Map<string, number>();

  constructor(
    private readonly phone: Softphone,
    settings: AgentSettings | (() => AgentSettings),
    private readonly recorder: CallRecorder,
    private readonly events: EventBus,
    private readonly entity: string,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.agent = new AgentStateMachine(settings, now);
    this.agent.on('changed', (state) => {
      if (state.state !== 'after-call-work') this.afterCallWorkOver(this.now());
    });
    phone.setInboundPolicy(() => (this.agent.acceptsInbound() ? null : 486));
    this.agent.on('changed', (state) => {
      this.events.emit('agentStateChanged', state);
      this.publish();
    });
    phone.on('incoming', (call) => this.maybeAutoAnswer(call));
    phone.on('call', (call) => {
      if (call.state === 'active' || call.state === 'ended') this.publish();
    });
    phone.on('ended', ({ call, holdMs }) => {
      if (this.monitoringCalls.delete(call.callId)) return;
      this.recorder.callEnded(call, holdMs);
      // A consultation leg is part of the customer's call; ACW follows the customer's call only.
      if (call.answeredAt !== null && call.consultFor === null) {
        // Work on earlier calls stopped when this one began; what follows counts for this one.
        this.afterCallWorkOver(call.startedAt);
        this.acwSince.set(call.callId, this.now());
        this.agent.callEnded(call.callId);
      }
      // A call that ended unanswered leaves no work: the next state the agent chose for it applies once free.
      else if (!this.onCall()) this.agent.applyNextState();
    });
    this.publish();
  }

  /** As they are now: the team's published lists replace the local ones when it has them. */
  get settings(): AgentSettings {
    return this.agent.settings;
  }

  setDisposition(callId: string, disposition: string) {
    const state = this.agent.setDisposition(callId, disposition);
    this.recorder.setDisposition(callId, disposition);
    return state;
  }

  /** "Next state" from the call bar: only while on a call or in after-call work, where it has something to follow. */
  setNextState(next: AgentStateTarget | null) {
    if (this.agent.state.state !== 'after-call-work' && !this.onCall()) {
      throw new ContractError('FAILED', 'A next state is chosen during a call or after-call work; without a call, set the state itself.', undefined, {
        key: 'mainError.state.nextWithoutCall',
      });
    }
    return this.agent.setNextState(next);
  }

  /** The window's judgement of the call changed (good / fair / poor): the team lead's board follows. */
  setCallQuality(level: CallQualityLevel): void {
    if (!this.onCall() || level === this.callQuality) return;
    this.callQuality = level;
    this.publish();
  }

  connectionTested(verdict: CallQualityLevel): void {
    this.connectionTest = verdict;
    this.publish();
  }

  dispose(): void {
    // Closing (or rebuilt with new settings) in after-call work: the work so far goes on the calls, and a call whose
    // disposition is chosen goes to the team now rather than never.
    this.afterCallWorkOver(this.now());
    this.agent.dispose();
  }

  /** After-call work on the calls in it ended at `at`: their seconds go on their call records. */
  private afterCallWorkOver(at: number): void {
    for (const [callId, since] of this.acwSince) this.recorder.afterCallWorkDone(callId, Math.max(0, at - since) / 1000);
    this.acwSince.clear();
  }

  /** Headset agents may take calls without a click; the renderer plays a short beep when it sees this. */
  private maybeAutoAnswer(call: Call): void {
    if (!this.agent.settings.autoAnswer) return;
    const busy = this.phone.listCalls().some((c) => c.callId !== call.callId && c.state !== 'ended');
    if (busy) return; // call waiting: the second call rings for the agent to decide
    // The softphone raises 'incoming' before it sends 180 Ringing; answering inside the event accepted the call
    // first and sip.js logged an error for the 180. The next turn comes after the 180.
    setImmediate(() => {
      if (this.phone.listCalls().some((c) => c.callId === call.callId && c.state === 'ringing')) {
        this.phone.answer(call.callId).catch((err: Error) => this.log.warn('auto-answer failed', { error: err.message }));
      }
    });
  }

  private onCall(): boolean {
    return this.phone.listCalls().some((c) => (c.state === 'active' || c.state === 'connecting') && !this.monitoringCalls.has(c.callId));
  }

  private publish(): void {
    const call = this.phone.listCalls().find((c) => c.state === 'active' || c.state === 'connecting');
    // A new call starts unjudged.
    if (!call) this.callQuality = null;
    this.phone.publishPresence(agentPidf(this.entity, this.agent.state, call ? { queue: call.headers.queue, quality: this.callQuality } : null, this.connectionTest));
  }
}
