import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import {
  Invitation,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type Session,
  type SessionDescriptionHandler,
} from 'sip.js';
import WebSocket from 'ws';
import type { Call, CallHeaders } from '../../../src-shared/domain/call';
import type { SoftphoneStatus } from '../../../src-shared/domain/softphone';
import { ContractError } from '../../../src-shared/contract';
import type { Logger } from '../../app/logger';
import { PlainSdpHandler } from './plain-sdp';

export interface SoftphoneConfig {
  /** ws:// in the lab, wss:// in production. */
  server: string;
  /** SIP domain of the agent's address of record. */
  domain: string;
  extension: string;
  displayName: string;
  password: string;
  registerExpires?: number;
}

interface SoftphoneEvents {
  status: [SoftphoneStatus];
  incoming: [Call];
  call: [Call];
}

interface CallLeg {
  call: Call;
  session: Session;
}

const HEADER_LIMIT = 200;

/** A header value from the PBX as plain text: control characters dropped, length capped. */
function headerText(value: string | undefined, limit = HEADER_LIMIT): string | null {
  if (value === undefined) return null;
  const text = value.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, limit);
  return text === '' ? null : text;
}

/**
 * The agent's SIP phone in the main process: a sip.js UserAgent over WebSocket to the PBX, one Registerer,
 * and the calls it carries. It reports what it is doing as plain events; hosts and the renderer only listen.
 */
export class Softphone extends EventEmitter<SoftphoneEvents> {
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private readonly calls = new Map<string, CallLeg>();
  private mediaPort = 40_000;
  private state: SoftphoneStatus;

  constructor(
    private readonly config: SoftphoneConfig,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.state = {
      connection: 'disconnected',
      registered: false,
      reason: 'not started',
      extension: config.extension,
      server: config.server,
      since: now(),
    };
  }

  get status(): SoftphoneStatus {
    return this.state;
  }

  listCalls(): Call[] {
    return [...this.calls.values()].map((leg) => leg.call);
  }

  async start(): Promise<void> {
    // Node 20 has no global WebSocket; sip.js's transport constructs one by that name.
    const g = globalThis as { WebSocket?: unknown };
    g.WebSocket ??= WebSocket;
    const uri = UserAgent.makeURI(`sip:${this.config.extension}@${this.config.domain}`);
    if (!uri) throw new Error(`"${this.config.extension}@${this.config.domain}" is not a valid SIP address`);
    const ua = new UserAgent({
      uri,
      displayName: this.config.displayName,
      authorizationUsername: this.config.extension,
      authorizationPassword: this.config.password,
      transportOptions: { server: this.config.server, connectionTimeout: 5, keepAliveInterval: 0 },
      userAgentString: 'agent-desktop',
      logBuiltinEnabled: false,
      logConfiguration: false,
      logLevel: 'warn',
      logConnector: (level, category, _label, content) => {
        if (level === 'error') this.log.error(`sip.js ${category}`, { content });
      },
      sessionDescriptionHandlerFactory: (): SessionDescriptionHandler => new PlainSdpHandler((this.mediaPort += 2)),
      delegate: {
        onConnect: () => this.setStatus({ connection: 'connected', reason: null }),
        onDisconnect: (error) =>
          this.setStatus({ connection: 'disconnected', registered: false, reason: error ? error.message : 'disconnected' }),
        onInvite: (invitation) => this.onInvite(invitation),
      },
    });
    this.ua = ua;
    this.setStatus({ connection: 'connecting', reason: null });
    try {
      await ua.start();
    } catch (err) {
      this.setStatus({ connection: 'failed', reason: `cannot reach ${this.config.server}: ${(err as Error).message}` });
      throw err;
    }
    const registerer = new Registerer(ua, { expires: this.config.registerExpires ?? 300 });
    this.registerer = registerer;
    registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) this.setStatus({ registered: true, reason: null });
      if (state === RegistererState.Unregistered || state === RegistererState.Terminated)
        this.setStatus({ registered: false });
    });
    await registerer.register({
      requestDelegate: {
        onReject: (response) =>
          this.setStatus({
            registered: false,
            reason: `registration refused: ${response.message.statusCode} ${response.message.reasonPhrase}`,
          }),
      },
    });
  }

  /** Resolves once the PBX has accepted the registration (register() resolves when it is only sent). */
  waitUntilRegistered(timeoutMs = 10_000): Promise<void> {
    if (this.state.registered) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', check);
        reject(new Error(`not registered within ${timeoutMs} ms: ${this.state.reason ?? this.state.connection}`));
      }, timeoutMs);
      const check = (s: SoftphoneStatus) => {
        if (s.registered) {
          clearTimeout(timer);
          this.off('status', check);
          resolve();
        }
      };
      this.on('status', check);
    });
  }

  async answer(callId: string): Promise<Call> {
    const leg = this.leg(callId);
    if (!(leg.session instanceof Invitation) || leg.call.state !== 'ringing') {
      throw new ContractError('FAILED', 'Only a ringing inbound call can be answered.');
    }
    this.update(leg, { state: 'connecting' });
    await leg.session.accept();
    return leg.call;
  }

  async reject(callId: string, code: 486 | 603): Promise<Call> {
    const leg = this.leg(callId);
    if (!(leg.session instanceof Invitation) || leg.call.state !== 'ringing') {
      throw new ContractError('FAILED', 'Only a ringing inbound call can be rejected.');
    }
    await leg.session.reject({ statusCode: code });
    return leg.call;
  }

  async hangUp(callId: string): Promise<Call> {
    const leg = this.leg(callId);
    const session = leg.session;
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Invitation && session.state === SessionState.Initial) await session.reject({ statusCode: 603 });
    else if (session.state !== SessionState.Terminated) await session.dispose();
    return leg.call;
  }

  async stop(): Promise<void> {
    for (const leg of this.calls.values()) await leg.session.dispose().catch(() => undefined);
    if (this.registerer && this.state.registered) {
      await this.registerer.unregister().catch(() => undefined);
    }
    await this.ua?.stop();
    this.ua = null;
    this.setStatus({ connection: 'disconnected', registered: false, reason: 'stopped' });
  }

  private leg(callId: string): CallLeg {
    const leg = this.calls.get(callId);
    if (!leg) throw new ContractError('NOT_FOUND', `There is no call ${callId}; it may have ended.`);
    return leg;
  }

  private onInvite(invitation: Invitation): void {
    const request = invitation.request;
    const headers: CallHeaders = {
      queue: headerText(request.getHeader('X-Queue')),
      customerId: headerText(request.getHeader('X-Customer-Id')),
      ivrPath: headerText(request.getHeader('X-IVR-Path'), 500),
      language: headerText(request.getHeader('X-Language'), 35),
    };
    const call: Call = {
      callId: `c-${randomUUID()}`,
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: headerText(request.from.uri.user ?? '') ?? '',
      displayName: headerText(request.from.displayName),
      headers,
      startedAt: this.now(),
      answeredAt: null,
      endedAt: null,
      endReason: null,
    };
    const leg: CallLeg = { call, session: invitation };
    this.calls.set(call.callId, leg);
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.update(leg, { state: 'active', answeredAt: this.now() });
      if (state === SessionState.Terminated) {
        const reason = leg.call.answeredAt === null ? (leg.call.state === 'connecting' ? 'failed to connect' : 'missed or cancelled') : 'hung up';
        this.update(leg, { state: 'ended', endedAt: this.now(), endReason: reason });
        this.calls.delete(call.callId);
      }
    });
    this.emit('incoming', call);
    invitation.progress().catch((err: Error) => this.log.warn('could not send 180 Ringing', { error: err.message }));
  }

  private update(leg: CallLeg, patch: Partial<Call>): void {
    leg.call = { ...leg.call, ...patch };
    this.emit('call', leg.call);
  }

  private setStatus(patch: Partial<SoftphoneStatus>): void {
    const next = { ...this.state, ...patch };
    if (next.connection !== this.state.connection || next.registered !== this.state.registered || next.reason !== this.state.reason) {
      this.state = { ...next, since: this.now() };
      this.emit('status', this.state);
    }
  }
}
