import { EventEmitter } from 'node:events';
import {
  Registerer,
  RegistererState,
  UserAgent,
  type Emitter,
  type Invitation,
  type SessionDescriptionHandlerFactory,
  type URI,
} from 'sip.js';
import WebSocket from 'ws';
import type { LinkReasonCode, SoftphoneStatus } from '../../../src-shared/domain/softphone';
import type { Logger } from '../../app/logger';
import { DEFAULT_BACKOFF, reconnectDelay, type BackoffPolicy } from './backoff';
import { DEFAULT_KEEPALIVE, LinkKeepalive, probeLink, type KeepaliveOptions } from './keepalive';
import { statusText } from './sip-text';

export interface LinkConfig {
  /** ws:// in the lab, wss:// in production. */
  server: string;
  /** SIP domain of the agent's address of record. */
  domain: string;
  extension: string;
  displayName: string;
  password: string;
  /** Seconds asked of the registrar; refreshed at 80% of what it grants. */
  registerExpires?: number;
  backoff?: BackoffPolicy;
  keepalive?: KeepaliveOptions;
}

export interface LinkHooks {
  onInvite(invitation: Invitation): void;
  sessionDescriptionHandlerFactory: SessionDescriptionHandlerFactory;
}

interface LinkEvents {
  status: [SoftphoneStatus];
  /** The registrar accepted a REGISTER: first says it is the first on this connection (else a refresh). */
  registration: [{ afterReconnect: boolean; first: boolean }];
}

const AUTH_CODES = new Set([401, 403, 407]);
const UNREGISTER_TIMEOUT_MS = 2000;

/** sip.js's WebSocket transport exposes the socket; the `ws` package can drop it without a closing handshake. */
interface DroppableSocket {
  terminate?: () => void;
  close(code?: number): void;
}

/**
 * The signaling link to the PBX and its state machine: connecting → connected → (lost) disconnected → retry
 * with capped, jittered backoff → connecting … A fresh Registerer after every connect, an OPTIONS keepalive that
 * drops a half-open link, and reconnectNow() for resume and network changes. sip.js 0.21 does none of this
 * by itself. 'failed' means retrying cannot help (the PBX refused our credentials).
 */
export class SignalingLink extends EventEmitter<LinkEvents> {
  readonly ua: UserAgent;
  private registerer: Registerer | null = null;
  private readonly keepalive: LinkKeepalive;
  private readonly target: URI;
  private running = false;
  private started = false;
  private attempt = 0;
  private connects = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** The PBX refused our password: nothing is retried until settings give a new one (a new link). */
  private credentialsRefused = false;
  /** Why we are about to drop the link ourselves, so the disconnect says the real reason. */
  private dropReason: LinkReasonCode | null = null;
  private state: SoftphoneStatus;

  constructor(
    private readonly config: LinkConfig,
    private readonly log: Logger,
    hooks: LinkHooks,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.state = {
      connection: 'disconnected',
      registered: false,
      reason: 'not started',
      reasonCode: 'not-started',
      retryAt: null,
      extension: config.extension,
      server: config.server,
      since: now(),
    };
    // Node 20 has no global WebSocket; sip.js's transport constructs one by that name.
    const g = globalThis as { WebSocket?: unknown };
    g.WebSocket ??= WebSocket;
    const uri = UserAgent.makeURI(`sip:${config.extension}@${config.domain}`);
    if (!uri) throw new Error(`"${config.extension}@${config.domain}" is not a valid SIP address`);
    const server = new URL(config.server);
    // The PBX's own address as the WebSocket reaches it: OPTIONS to it is answered by the PBX, not forwarded.
    const target = UserAgent.makeURI(`sip:${server.hostname}${server.port ? `:${server.port}` : ''}`);
    if (!target) throw new Error(`${config.server} has no usable host`);
    this.target = target;
    this.ua = new UserAgent({
      uri,
      displayName: config.displayName,
      authorizationUsername: config.extension,
      authorizationPassword: config.password,
      transportOptions: { server: config.server, connectionTimeout: 5, keepAliveInterval: 0 },
      userAgentString: 'agent-desktop',
      // sip.js would send 180 Ringing first and hand us the INVITE only once that send settled; the softphone
      // raises the incoming call (and starts the screen pop) at once, then sends the 180 itself.
      sendInitialProvisionalResponse: false,
      logBuiltinEnabled: false,
      logConfiguration: false,
      logLevel: 'warn',
      logConnector: (level, category, _label, content) => {
        if (level === 'error') this.log.error(`sip.js ${category}`, { content });
      },
      sessionDescriptionHandlerFactory: hooks.sessionDescriptionHandlerFactory,
      delegate: {
        onConnect: () => this.onConnect(),
        onDisconnect: (error) => this.onDisconnect(error),
        onInvite: (invitation) => hooks.onInvite(invitation),
      },
    });
    const keepalive = config.keepalive ?? DEFAULT_KEEPALIVE;
    this.keepalive = new LinkKeepalive(() => probeLink(this.ua, this.target, keepalive.timeoutMs), keepalive, (connection) => {
      // Only the connection the unanswered probe went out on is dead; a newer one is not ours to drop.
      if (connection === this.connects && this.state.connection === 'connected') this.drop('keepalive-timeout');
    });
  }

  get status(): SoftphoneStatus {
    return this.state;
  }

  /** Connects (or keeps trying in the background); resolves after the first attempt either way. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.connect();
  }

  /**
   * The host saw the machine wake or the network change: a link that looks up may be dead. Probe it now if
   * it is up; if it is down, skip the remaining backoff and try at once.
   */
  reconnectNow(why: 'resumed' | 'network-changed'): void {
    if (!this.running || this.credentialsRefused) return;
    if (this.state.connection === 'connected') {
      void this.keepalive.check();
      return;
    }
    if (this.state.connection === 'connecting') return;
    this.log.info('softphone: reconnecting at once', { why });
    this.clearRetry();
    this.attempt = 0;
    this.setStatus({ reasonCode: why, reason: why === 'resumed' ? 'resumed from sleep' : 'network changed' });
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearRetry();
    this.keepalive.stop();
    const registerer = this.registerer;
    this.registerer = null;
    if (registerer && registerer.state === RegistererState.Registered && this.state.connection === 'connected') {
      // Say goodbye to the registrar, but do not let a dead link hold up shutting down.
      await untilOrTimeout((done) => {
        registerer.stateChange.addListener(() => done(), { once: true });
        registerer.unregister().catch(() => done());
      }, UNREGISTER_TIMEOUT_MS);
    }
    await registerer?.dispose().catch(() => undefined);
    await this.ua.stop().catch(() => undefined);
    this.setStatus({ connection: 'disconnected', registered: false, reason: 'stopped', reasonCode: 'stopped', retryAt: null });
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    this.setStatus({ connection: 'connecting', retryAt: null });
    try {
      if (this.started) await this.ua.reconnect();
      else {
        this.started = true;
        await this.ua.start();
      }
    } catch (err) {
      if (!this.running) return;
      this.scheduleRetry('unreachable', `cannot reach ${this.config.server}: ${(err as Error).message}`);
    }
  }

  private onConnect(): void {
    if (!this.running) return;
    this.attempt = 0;
    this.connects += 1;
    this.setStatus({ connection: 'connected', reason: null, reasonCode: null, retryAt: null });
    this.keepalive.start(this.connects);
    this.register(this.connects > 1);
  }

  private onDisconnect(error?: Error): void {
    this.keepalive.stop();
    this.dropRegisterer();
    const code = this.dropReason ?? 'link-lost';
    this.dropReason = null;
    // Reconnecting would only send the refused password again; the link stays 'failed' and says why.
    if (!this.running || this.credentialsRefused) return;
    const reason = code === 'keepalive-timeout' ? 'the PBX stopped answering keepalives' : (error?.message ?? 'disconnected');
    this.scheduleRetry(code, reason);
  }

  /** Drops a link that looks open but carries nothing, without waiting for a closing handshake that will never come. */
  private drop(code: LinkReasonCode): void {
    const ws = (this.ua.transport as unknown as { ws?: DroppableSocket }).ws;
    if (!ws) return;
    this.log.warn('softphone: dropping the link', { code });
    this.dropReason = code;
    if (ws.terminate) ws.terminate();
    else ws.close(4000);
  }

  private scheduleRetry(code: LinkReasonCode, reason: string): void {
    this.clearRetry();
    this.attempt += 1;
    const delay = reconnectDelay(this.attempt, this.config.backoff ?? DEFAULT_BACKOFF);
    this.setStatus({ connection: 'disconnected', registered: false, reason, reasonCode: code, retryAt: this.now() + delay });
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** A new Registerer per connection: the old one's refresh timer and state belong to a link that is gone. */
  private register(afterReconnect: boolean): void {
    this.dropRegisterer();
    const registerer = new Registerer(this.ua, { expires: this.config.registerExpires ?? 300, refreshFrequency: 80 });
    this.registerer = registerer;
    registerer.stateChange.addListener((state) => {
      if (this.registerer !== registerer) return;
      if (state === RegistererState.Registered) this.setStatus({ registered: true, reason: null, reasonCode: null });
      else this.setStatus({ registered: false });
    });
    // register() resolves when the REGISTER is sent, and refreshes run on sip.js's own timer without a delegate:
    // the registrar's answer to each shows as 'waiting' falling back to false (a private emitter in sip.js 0.21).
    let first = true;
    (registerer as unknown as { waitingChange: Emitter<boolean> }).waitingChange.addListener((waiting) => {
      if (!waiting && this.registerer === registerer && registerer.state === RegistererState.Registered) {
        this.emit('registration', { afterReconnect, first });
        first = false;
      }
    });
    registerer
      .register({
        requestDelegate: {
          onReject: (response) => {
            if (this.registerer !== registerer) return;
            const statusCode = response.message.statusCode ?? 0;
            const reason = `registration refused: ${statusText(response.message)}`;
            if (AUTH_CODES.has(statusCode)) {
              // Retrying with the same password cannot succeed; the agent must fix it.
              this.credentialsRefused = true;
              this.setStatus({ connection: 'failed', registered: false, reason, reasonCode: 'auth-refused' });
              return;
            }
            this.setStatus({ registered: false, reason, reasonCode: 'registration-refused' });
            this.attempt += 1;
            this.retryTimer = setTimeout(() => this.running && this.register(afterReconnect), reconnectDelay(this.attempt, this.config.backoff ?? DEFAULT_BACKOFF));
          },
        },
      })
      .catch((err: Error) => this.log.warn('softphone: REGISTER not sent', { error: err.message }));
  }

  private dropRegisterer(): void {
    const old = this.registerer;
    this.registerer = null;
    // Its binding points at a connection that no longer exists; dispose() stops its refresh timer.
    if (old) void old.dispose().catch(() => undefined);
  }

  private setStatus(patch: Partial<SoftphoneStatus>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof SoftphoneStatus)[]).some((k) => next[k] !== this.state[k]);
    if (!changed) return;
    this.state = { ...next, since: this.now() };
    this.emit('status', this.state);
  }
}

function untilOrTimeout(start: (done: () => void) => void, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    start(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
