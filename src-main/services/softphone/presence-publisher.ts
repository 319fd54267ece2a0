import { EventEmitter } from 'node:events';
import type { UserAgent } from 'sip.js';
import type { Logger } from '../../app/logger';
import { headerText, statusText } from './sip-text';

/**
 * How long a publication lasts unless refreshed (at 80%): an agent whose desktop dies without withdrawing it shows
 * as offline on the floor board within this time.
 */
const EXPIRES_S = 120;

/**
 * Publishes the agent's presence document to the PBX (RFC 3903 PUBLISH, event "presence"), one at a time,
 * the newest winning; refreshed at 80% of what the PBX grants, and sent again in full after a reconnect, when
 * the PBX may have forgotten it. 'published' fires when the PBX accepted a document (sip.js's Publisher says
 * only when its state changes, so a second state would go unconfirmed).
 */
export class PresencePublisher extends EventEmitter<{ published: [string] }> {
  private etag: string | null = null;
  private last: string | null = null;
  private inFlight = false;
  private queued = false;
  private refreshTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ua: UserAgent,
    private readonly log: Logger,
  ) {
    super();
  }

  publish(pidf: string): void {
    this.last = pidf;
    this.send();
  }

  /** After a reconnect: a fresh publication, not a refresh of an entity tag the PBX may no longer know. */
  republish(): void {
    this.etag = null;
    this.send();
  }

  /**
   * Stops refreshing and withdraws the publication (PUBLISH, Expires: 0), so team leads see the agent go offline
   * now rather than when it would have expired. Waits at most a second for the PBX.
   */
  async stop(): Promise<void> {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.last = null;
    this.queued = false;
    const etag = this.etag;
    this.etag = null;
    if (!etag || !this.ua.isConnected()) return;
    const core = this.ua.userAgentCore;
    const aor = this.ua.configuration.uri;
    const message = core.makeOutgoingRequestMessage('PUBLISH', aor, aor, aor, {}, ['Event: presence', 'Expires: 0', `SIP-If-Match: ${etag}`]);
    await new Promise<void>((done) => {
      const timer = setTimeout(done, 1000);
      const finish = () => (clearTimeout(timer), done());
      core.request(message, { onAccept: finish, onReject: finish });
    });
  }

  private send(): void {
    if (this.last === null || !this.ua.isConnected()) return;
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    this.inFlight = true;
    const pidf = this.last;
    const core = this.ua.userAgentCore;
    const aor = this.ua.configuration.uri;
    const headers = ['Event: presence', `Expires: ${EXPIRES_S}`, ...(this.etag ? [`SIP-If-Match: ${this.etag}`] : [])];
    const body = { contentDisposition: 'render', contentType: 'application/pidf+xml', content: pidf };
    const message = core.makeOutgoingRequestMessage('PUBLISH', aor, aor, aor, {}, headers, body);
    core.request(message, {
      onAccept: (response) => {
        // Sent back in SIP-If-Match: an opaque token, but still a string from the network.
        this.etag = headerText(response.message.getHeader('SIP-ETag'), 200);
        const granted = Number(response.message.getHeader('Expires')) || EXPIRES_S;
        this.scheduleRefresh(granted);
        this.done();
        this.emit('published', pidf);
      },
      onReject: (response) => {
        const code = response.message.statusCode;
        // 412: the PBX lost our publication (restart); start a new one.
        if (code === 412 && this.etag) {
          this.etag = null;
          this.queued = true;
        } else {
          this.log.warn('presence: PUBLISH refused', { status: statusText(response.message) });
        }
        this.done();
      },
    });
  }

  private done(): void {
    this.inFlight = false;
    if (!this.queued) return;
    this.queued = false;
    this.send();
  }

  private scheduleRefresh(grantedS: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    // An answer that arrives after stop() must not start a refresh timer that keeps a closed app alive.
    if (this.last === null) return;
    this.refreshTimer = setTimeout(() => this.send(), grantedS * 800);
  }
}
