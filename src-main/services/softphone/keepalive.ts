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

/** Probes the link on an interval while it is up; calls onDead once when a probe goes unanswered. */
export class LinkKeepalive {
  private timer: NodeJS.Timeout | null = null;
  private probing = false;

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly options: KeepaliveOptions,
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Probe now (after resume or a network change) rather than waiting for the interval. */
  async check(): Promise<void> {
    if (this.probing || !this.timer) return;
    this.probing = true;
    try {
      const alive = await this.probe();
      if (!alive && this.timer) {
        this.stop();
        this.onDead();
      }
    } finally {
      this.probing = false;
    }
  }
}
