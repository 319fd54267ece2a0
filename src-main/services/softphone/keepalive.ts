import type { UserAgent } from 'sip.js';
import type { URI } from 'sip.js';

/**
 * One SIP OPTIONS over the WebSocket to the PBX. A dead VPN leaves the TCP connection half-open: nothing
 * errors, requests just vanish. Any response (even 401/404) proves the link carries SIP both ways; silence
 * past the timeout means it does not. Resolves true when answered in time.
 */
export function probeLink(ua: UserAgent, target: URI, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const core = ua.userAgentCore;
    const message = core.makeOutgoingRequestMessage('OPTIONS', target, ua.configuration.uri, target, {});
    let settled = false;
    const finish = (alive: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(alive);
    };
    const answered = () => finish(true);
    const request = core.request(message, {
      onAccept: answered,
      onReject: answered,
      onRedirect: answered,
      onProgress: answered,
      onTrying: answered,
    });
    const timer = setTimeout(() => {
      // The transaction would otherwise hold its own 32 s timer on a link we are about to drop.
      request.dispose();
      finish(false);
    }, timeoutMs);
  });
}

export interface KeepaliveOptions {
  intervalMs: number;
  timeoutMs: number;
}

export const DEFAULT_KEEPALIVE: KeepaliveOptions = { intervalMs: 15_000, timeoutMs: 4_000 };

/**
 * Probes the link on an interval while it is up; calls onDead once when a probe goes unanswered. Each probe is
 * tagged with the connection it was sent on: one sent just before a reconnect times out because its connection
 * died, and must not condemn the healthy connection that replaced it.
 */
export class LinkKeepalive {
  private timer: NodeJS.Timeout | null = null;
  /** The connection being watched (null while the link is down). */
  private connection: number | null = null;
  /** The connection a probe is out on, so one connection never has two probes in flight. */
  private probingOn: number | null = null;

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly options: KeepaliveOptions,
    private readonly onDead: (connection: number) => void,
  ) {}

  /** Watches a new connection; connection identifies it (it must differ from the previous one's). */
  start(connection: number): void {
    this.stop();
    this.connection = connection;
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.connection = null;
  }

  /** Probe now (after resume or a network change) rather than waiting for the interval. */
  async check(): Promise<void> {
    const connection = this.connection;
    if (connection === null || this.probingOn === connection) return;
    this.probingOn = connection;
    try {
      const alive = await this.probe();
      if (!alive && this.connection === connection) {
        this.stop();
        this.onDead(connection);
      }
    } finally {
      if (this.probingOn === connection) this.probingOn = null;
    }
  }
}
