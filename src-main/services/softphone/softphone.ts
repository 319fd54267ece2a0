import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Invitation, Inviter, SessionState, type Session, type SessionDescriptionHandler, type UserAgent } from 'sip.js';
import { TransactionState } from 'sip.js/lib/core/transactions/transaction-state.js';
import type { Call, CallHeaders } from '../../../src-shared/domain/call';
import { Locale } from '../../../src-shared/domain/screen-pop';
import type { SoftphoneStatus } from '../../../src-shared/domain/softphone';
import { ContractError } from '../../../src-shared/contract';
import type { Logger } from '../../app/logger';
import { CallLeg } from './call-leg';
import { warmUpSipParser } from './parser-warmup';
import { PlainSdpHandler } from './plain-sdp';
import { PresencePublisher } from './presence-publisher';
import { SignalingLink, type LinkConfig } from './signaling-link';
import { headerText, recordedByPbx, statusText, targetUri } from './sip-text';

export type SoftphoneConfig = LinkConfig;

/** What the call record needs when a call ends, beyond the Call the agent saw. */
export interface EndedCall {
  call: Call;
  holdMs: number;
}

interface SoftphoneEvents {
  status: [SoftphoneStatus];
  incoming: [Call];
  call: [Call];
  ended: [EndedCall];
  registration: [{ afterReconnect: boolean; first: boolean }];
  /** After a reconnect, the far end accepted the re-INVITE that points this call at the new link. */
  refreshed: [Call];
  /** The PBX accepted this presence document. */
  presence: [string];
}

/** Decides whether an inbound call may ring: null to ring, or the SIP code to refuse it with. */
export type InboundPolicy = (call: Call) => 486 | 480 | 603 | null;

/** Builds a media handler per session; the default stands in for the renderer (plain SDP, no RTP). */
export type MediaFactory = (session: Session) => SessionDescriptionHandler;

/**
 * The agent's SIP phone in the main process: a SignalingLink (connection, registration, reconnects) and the
 * calls it carries. It reports what it does as plain events; hosts and the renderer only listen.
 */
export class Softphone extends EventEmitter<SoftphoneEvents> {
  private readonly link: SignalingLink;
  private readonly presence: PresencePublisher;
  private readonly calls = new Map<string, CallLeg>();
  /** Which call each SIP session carries, for as long as the session lives (media reports arrive after the end). */
  private readonly callOfSession = new WeakMap<Session, string>();
  private mediaPort = 40_000;
  private inboundPolicy: InboundPolicy = () => null;
  private lastPresence: string | null = null;

  constructor(
    private readonly config: SoftphoneConfig,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    media?: MediaFactory,
  ) {
    super();
    this.link = new SignalingLink(
      config,
      log,
      {
        onInvite: (invitation) => this.onInvite(invitation),
        sessionDescriptionHandlerFactory: (session) => (media ? media(session) : new PlainSdpHandler((this.mediaPort += 2))),
      },
      now,
    );
    this.presence = new PresencePublisher(this.link.ua, log);
    this.presence.on('published', (pidf) => {
      this.lastPresence = pidf;
      this.emit('presence', pidf);
    });
    this.link.on('status', (s) => this.emit('status', s));
    this.link.on('registration', (r) => {
      this.emit('registration', r);
      if (!r.first) return;
      if (r.afterReconnect) this.refreshDialogs();
      // Presence may not have reached the PBX, or survived its restart.
      this.presence.republish();
    });
  }

  get status(): SoftphoneStatus {
    return this.link.status;
  }

  /** The sip.js user agent, for subscriptions that ride on this phone's registration (the team lead's floor). */
  get userAgent(): UserAgent {
    return this.link.ua;
  }

  /** What the phone holds open now, for leak checks: sip.js sessions and registerers, our calls. */
  get footprint(): { sessions: number; registerers: number; calls: number } {
    const ua = this.link.ua;
    return { sessions: Object.keys(ua._sessions).length, registerers: Object.keys(ua._registerers).length, calls: this.calls.size };
  }

  /**
   * Resolves once every SIP transaction open now has finished. An answered call keeps its INVITE transaction
   * for 32 s after the 200 OK (RFC 6026 Timer L), so timers that look like leaks right after a call are not.
   */
  async transactionsDone(): Promise<void> {
    const core = this.link.ua.userAgentCore;
    const open = [...core.userAgentServers.values(), ...core.userAgentClients.values()].map((u) => u.transaction);
    await Promise.all(
      open.map(
        (t) =>
          new Promise<void>((resolve) => {
            const check = () => (t.state === TransactionState.Terminated ? resolve() : t.addStateChangeListener(check, { once: true }));
            check();
          }),
      ),
    );
  }

  listCalls(): Call[] {
    return [...this.calls.values()].map((leg) => leg.call);
  }

  setInboundPolicy(policy: InboundPolicy): void {
    this.inboundPolicy = policy;
  }

  start(): Promise<void> {
    warmUpSipParser();
    return this.link.start();
  }

  /** Whether the PBX has accepted a presence document from this phone yet. */
  get presencePublished(): boolean {
    return this.lastPresence !== null;
  }

  /** The agent's state for the team leads' presence view, as a PIDF document. */
  publishPresence(pidf: string): void {
    this.presence.publish(pidf);
  }

  /** The host saw a resume from sleep or a network change. */
  reconnectNow(why: 'resumed' | 'network-changed'): void {
    this.link.reconnectNow(why);
  }

  /** Resolves once the PBX has accepted the registration (register() resolves when it is only sent). */
  waitUntilRegistered(timeoutMs = 10_000): Promise<void> {
    if (this.status.registered) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', check);
        reject(new Error(`not registered within ${timeoutMs} ms: ${this.status.reason ?? this.status.connection}`));
      }, timeoutMs);
      const check = (s: SoftphoneStatus) => {
        if (!s.registered) return;
        clearTimeout(timer);
        this.off('status', check);
        resolve();
      };
      this.on('status', check);
    });
  }

  async answer(callId: string): Promise<Call> {
    const leg = this.leg(callId);
    if (!(leg.session instanceof Invitation) || leg.call.state !== 'ringing') {
      throw new ContractError('FAILED', 'Only a ringing inbound call can be answered.', undefined, { key: 'mainError.call.answerNotRinging' });
    }
    leg.update({ state: 'connecting' });
    await leg.session.accept();
    return leg.call;
  }

  async reject(callId: string, code: 486 | 603): Promise<Call> {
    const leg = this.leg(callId);
    if (!(leg.session instanceof Invitation) || leg.call.state !== 'ringing') {
      throw new ContractError('FAILED', 'Only a ringing inbound call can be rejected.', undefined, { key: 'mainError.call.rejectNotRinging' });
    }
    await leg.session.reject({ statusCode: code });
    return leg.call;
  }

  async hangUp(callId: string): Promise<Call> {
    const leg = this.leg(callId);
    await leg.end();
    return leg.call;
  }

  hold(callId: string, on: boolean): Promise<Call> {
    return this.leg(callId).setHold(on);
  }

  mute(callId: string, muted: boolean): Call {
    return this.leg(callId).setMuted(muted);
  }

  pauseRecording(callId: string, paused: boolean): Promise<Call> {
    return this.leg(callId).setRecordingPaused(paused);
  }

  sendDtmf(callId: string, tones: string): Promise<{ method: 'rfc4733' | 'info' }> {
    return this.leg(callId).sendDtmf(tones);
  }

  blindTransfer(callId: string, target: string): Promise<Call> {
    return this.leg(callId).blindTransfer(target, this.config.domain);
  }

  /** Attended transfer, step 2: the customer (on hold) is handed to the party of the consultation call. */
  attendedTransfer(callId: string, consultCallId: string): Promise<Call> {
    const consult = this.leg(consultCallId);
    if (consult.call.consultFor !== callId) throw new ContractError('FAILED', 'That consultation call belongs to another call.', undefined, {
      key: 'mainError.call.consultOfAnother',
    });
    return this.leg(callId).attendedTransfer(consult);
  }

  /** Click-to-dial, or attended transfer step 1 when consultFor names the call being transferred. */
  async dial(number: string, options: { customerId?: string | null; consultFor?: string | null; language?: string | null } = {}): Promise<Call> {
    if (!this.status.registered) throw new ContractError('UNAVAILABLE', 'The phone is not connected to the PBX yet; wait for it to reconnect.', undefined, {
      key: 'mainError.phone.notRegistered',
    });
    if (options.consultFor) this.leg(options.consultFor);
    const uri = targetUri(number, this.config.domain);
    const customerId = headerText(options.customerId ?? undefined);
    // The call's language goes to the PBX as an inbound call's does (X-Language), for the recording notice; only
    // one of the four supported tags is ever put in the header.
    const language = Locale.safeParse(options.language).data ?? null;
    const inviter = new Inviter(this.link.ua, uri, {
      extraHeaders: [
        ...(customerId && /^[\x21-\x7e]+$/.test(customerId) ? [`X-Customer-Id: ${customerId}`] : []),
        ...(language ? [`X-Language: ${language}`] : []),
      ],
    });
    const leg = this.track(inviter, {
      direction: 'outbound',
      state: 'connecting',
      remoteNumber: headerText(uri.user ?? number) ?? number,
      displayName: null,
      headers: { queue: null, customerId, ivrPath: null, language: null },
      consultFor: options.consultFor ?? null,
    });
    try {
      await inviter.invite({
        requestDelegate: {
          // The PBX says on the answer whether it records the call; only then does the call bar say "Recording".
          onAccept: (r) => recordedByPbx(r.message) && leg.update({ recording: 'on' }),
          onReject: (r) => leg.update({ endReason: statusText(r.message), refusedWith: r.message.statusCode ?? null }),
        },
      });
    } catch (err) {
      const why = headerText((err as Error).message) ?? 'unknown error';
      leg.update({ state: 'ended', endedAt: this.now(), endReason: why });
      this.calls.delete(leg.call.callId);
      throw new ContractError('FAILED', `The call could not be placed: ${why}`, undefined, { key: 'mainError.call.notPlaced', params: { why } });
    }
    return leg.call;
  }

  /** The call a SIP session carries (null for one this phone does not track). */
  callIdOf(session: Session): string | null {
    return this.callOfSession.get(session) ?? null;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.calls.values()].map((leg) => leg.end()));
    await this.presence.stop();
    await this.link.stop();
  }

  private leg(callId: string): CallLeg {
    const leg = this.calls.get(callId);
    if (!leg) throw new ContractError('NOT_FOUND', `There is no call ${callId}; it may have ended.`, undefined, { key: 'mainError.call.gone' });
    return leg;
  }

  private track(
    session: Invitation | Inviter,
    fields: Pick<Call, 'direction' | 'state' | 'remoteNumber' | 'displayName' | 'headers' | 'consultFor'> & Partial<Pick<Call, 'recording'>>,
  ): CallLeg {
    const call: Call = {
      callId: `c-${randomUUID()}`,
      pbxCallId: session.request.callId.slice(0, 256),
      startedAt: this.now(),
      answeredAt: null,
      endedAt: null,
      endReason: null,
      hold: 'off',
      muted: false,
      recording: 'off',
      transfer: null,
      ...fields,
    };
    const leg = new CallLeg(call, session, (l) => this.emit('call', l.call), this.now);
    this.calls.set(call.callId, leg);
    this.callOfSession.set(session, call.callId);
    // An answered inbound call is active once the caller's ACK arrives: until then a re-INVITE (hold) would
    // cross the INVITE transaction still in progress, and sip.js ends the session over it.
    const awaitsAck = session instanceof Invitation;
    if (awaitsAck) session.delegate = { onAck: () => leg.call.state === 'connecting' && leg.update({ state: 'active' }) };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) leg.update(awaitsAck ? { answeredAt: this.now() } : { state: 'active', answeredAt: this.now() });
      if (state !== SessionState.Terminated) return;
      // sip.js ends a refused outbound call before it hands the final response to our onReject: wait that
      // turn, so the call ends with the far end's reason (486 busy) rather than "not answered".
      if (session instanceof Inviter && leg.call.answeredAt === null) queueMicrotask(() => this.ended(leg));
      else this.ended(leg);
    });
    return leg;
  }

  private ended(leg: CallLeg): void {
    const c = leg.call;
    const reason =
      c.endReason ??
      (c.transfer?.progress === 'succeeded'
        ? 'transferred'
        : c.answeredAt !== null
          ? 'hung up'
          : c.direction === 'outbound'
            ? 'not answered'
            : c.state === 'connecting'
              ? 'failed to connect'
              : 'missed or cancelled');
    leg.update({ state: 'ended', endedAt: this.now(), endReason: reason, hold: 'off' });
    this.calls.delete(c.callId);
    this.emit('ended', { call: leg.call, holdMs: leg.holdMs });
  }

  private onInvite(invitation: Invitation): void {
    const request = invitation.request;
    const headers: CallHeaders = {
      queue: headerText(request.getHeader('X-Queue')),
      customerId: headerText(request.getHeader('X-Customer-Id')),
      ivrPath: headerText(request.getHeader('X-IVR-Path'), 500),
      language: headerText(request.getHeader('X-Language'), 35),
    };
    const leg = this.track(invitation, {
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: headerText(request.from.uri.user ?? '') ?? '',
      displayName: headerText(request.from.displayName),
      headers,
      consultFor: null,
      recording: recordedByPbx(request) ? 'on' : 'off',
    });
    const refuse = this.inboundPolicy(leg.call);
    if (refuse !== null) {
      leg.update({ endReason: refuse === 486 ? 'refused: agent not ready' : `refused with ${refuse}` });
      invitation.reject({ statusCode: refuse }).catch((err: Error) => this.log.warn('could not refuse a call', { error: err.message }));
      return;
    }
    this.emit('incoming', leg.call);
    invitation.progress().catch((err: Error) => this.log.warn('could not send 180 Ringing', { error: err.message }));
  }

  /**
   * After a reconnect the PBX reaches us over a new connection, but each dialog's remote target still names
   * the old one. A re-INVITE refreshes it; a call whose far end no longer knows it ends with the reason.
   */
  private refreshDialogs(): void {
    for (const leg of this.calls.values()) {
      if (leg.session.state !== SessionState.Established) continue;
      leg.session
        .invite({
          // The network under the call may have changed too: new ICE candidates, same hold state.
          sessionDescriptionHandlerOptions: { hold: leg.call.hold === 'held', iceRestart: true } as object,
          requestDelegate: {
            onAccept: () => this.emit('refreshed', leg.call),
            onReject: (r) => {
              leg.update({ endReason: `call lost while reconnecting (${r.message.statusCode})` });
              void leg.end();
            },
          },
        })
        .catch((err: Error) => this.log.warn('could not refresh a call after reconnecting', { error: err.message }));
    }
  }
}
