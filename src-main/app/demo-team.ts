import { randomBytes } from 'node:crypto';
import type { AgentState } from '../../src-shared/domain/agent-state';
import type { Call } from '../../src-shared/domain/call';
import type { CustomerPhone } from '../services/lab-pbx/customer-phone';
import type { LabAgent } from '../services/lab-pbx/kamailio';
import { agentPidf, type PresenceCall } from '../services/presence/pidf';
import { Softphone } from '../services/softphone/softphone';
import type { AppConfig } from './config';
import type { Logger } from './logger';

/** The demo agent's teammates: their phones run in the demo process so the floor board has a live team. */
export const TEAMMATES = [
  { extension: '1002', name: '李娜' },
  { extension: '1003', name: 'สมหญิง ใจดี' },
  { extension: '1004', name: 'Alex Chen' },
];

/** Demo mode makes the demo agent a team lead too (unless a team is configured), so the floor board shows. */
export function withDemoTeam(config: AppConfig): AppConfig {
  if (config.teamLead) return config;
  return {
    ...config,
    teamLead: {
      team: TEAMMATES,
      monitorCodes: { listen: '*222', whisper: '*223', barge: '*224' },
      alerts: { longCallMinutes: 2, longNotReadyMinutes: 0.5, longAfterCallWorkMinutes: 1, sound: false },
    },
  };
}

const state = (s: AgentState['state'], reasonCode: string | null = null): AgentState => ({ state: s, reasonCode, since: 0, acw: null });

/** How long a demo teammate lets a call ring before picking up, as a person would; the board shows it ringing. */
export const TEAMMATE_RING_MS = 1_000;

/**
 * A teammate who picks up every call once it has rung. The softphone raises 'incoming' before it sends 180
 * Ringing (so the pop is fast); answering inside that event accepted the call first, and sip.js logged "Invalid
 * session state Establishing" for the 180 on every demo call. Returns what cancels pick-ups still pending.
 */
export function pickUpAfterRinging(phone: Softphone, ringMs: number, onAnswered: (call: Call) => void): () => void {
  const pending = new Set<NodeJS.Timeout>();
  phone.on('incoming', (call) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      // The customer may have hung up while it rang: then there is nothing to answer.
      phone.answer(call.callId).then(() => onAnswered(call), () => undefined);
    }, ringMs);
    pending.add(timer);
  });
  return () => {
    for (const t of pending) clearTimeout(t);
    pending.clear();
  };
}

/**
 * Teammates on the demo floor: one takes customer calls (SIPp) now and then, one goes on a meal break and comes
 * back, one wraps up calls. Their states reach the board the real way: PUBLISH and the PBX's dialog events.
 */
export class DemoTeam {
  readonly agents: LabAgent[] = TEAMMATES.map((t) => ({ extension: t.extension, password: randomBytes(12).toString('hex') }));
  private phones: Softphone[] = [];
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private cancelPickUps = () => {};

  constructor(
    private readonly wsUrl: () => string,
    private readonly customer: () => CustomerPhone,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.phones = this.agents.map(
      (a, i) => new Softphone({ server: this.wsUrl(), domain: '127.0.0.1', extension: a.extension, displayName: TEAMMATES[i]!.name, password: a.password }, this.log),
    );
    await Promise.all(this.phones.map(async (p) => (await p.start(), p.waitUntilRegistered())));
    const [caller, breaker, wrapper] = this.phones as [Softphone, Softphone, Softphone];
    const publish = (p: Softphone, ext: string, s: AgentState, call: PresenceCall = null) => p.publishPresence(agentPidf(`sip:${ext}@127.0.0.1`, s, call));
    publish(caller, '1002', state('ready'));
    publish(breaker, '1003', state('not-ready', 'meal'));
    publish(wrapper, '1004', state('after-call-work'));
    // What an agent's desktop publishes while on a call: the state plus the call's queue.
    this.cancelPickUps = pickUpAfterRinging(caller, TEAMMATE_RING_MS, (call) => publish(caller, '1002', state('ready'), { queue: call.headers.queue }));
    caller.on('ended', () => publish(caller, '1002', state('ready')));
    let onBreak = true;
    this.every(40_000, () => {
      onBreak = !onBreak;
      publish(breaker, '1003', onBreak ? state('not-ready', 'meal') : state('ready'));
    });
    let wrapping = true;
    this.every(25_000, () => {
      wrapping = !wrapping;
      publish(wrapper, '1004', wrapping ? state('after-call-work') : state('ready'));
    });
    const ring = () =>
      void this.customer()
        .call({ caller: '+66812345001', callerName: 'Demo customer', agent: '1002', queue: 'billing', talkMs: 45_000 })
        .catch((err: Error) => this.log.warn('demo team: call not placed', { error: err.message }));
    ring();
    this.every(60_000, ring);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.cancelPickUps();
    await Promise.all(this.phones.map((p) => p.stop().catch(() => undefined)));
  }

  private every(ms: number, fn: () => void): void {
    this.timers.push(setInterval(() => !this.stopped && fn(), ms));
  }
}
