import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import type { MediaCommand, MediaResult } from '../../../src-shared/domain/media';
import type { Logger } from '../../app/logger';

type CommandBody = MediaCommand extends infer C ? (C extends MediaCommand ? Omit<C, 'id'> : never) : never;

/** Carries media commands to the renderer and their results back; one per app. */
export class MediaBridge {
  private nextId = 0;
  private nextSession = 0;
  private readonly pending = new Map<number, { resolve(sdp: string | null): void; reject(err: Error): void; timer: NodeJS.Timeout }>();

  constructor(
    private readonly send: (command: MediaCommand) => void,
    private readonly timeoutMs = 10_000,
  ) {}

  newSession(): MediaCommand['session'] {
    this.nextSession += 1;
    return `m-${this.nextSession}`;
  }

  run(body: CommandBody): Promise<string | null> {
    this.nextId += 1;
    const id = this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the workspace window did not answer the ${body.op} request in ${this.timeoutMs / 1000} s; is it open?`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ ...body, id } as MediaCommand);
    });
  }

  /** A mediaResult from the renderer; unknown or late ids are ignored (the command already timed out). */
  settle(result: MediaResult): void {
    const waiting = this.pending.get(result.id);
    if (!waiting) return;
    this.pending.delete(result.id);
    clearTimeout(waiting.timer);
    if (result.error !== null) waiting.reject(new Error(result.error));
    else waiting.resolve(result.sdp);
  }

  dispose(): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('the app is closing'));
      this.pending.delete(id);
    }
  }
}

/**
 * sip.js's session description handler for a call whose media lives in the renderer (WebRTC): every step of
 * offer/answer goes over the contract to the renderer's RTCPeerConnection. Which step is which follows RFC 3264:
 * a description set while none of ours is outstanding is the far end's offer, so ours is the answer.
 */
export class RendererMediaHandler implements SessionDescriptionHandler {
  /** The renderer's name for this call's peer connection (its quality report comes back under it). */
  readonly session: MediaCommand['session'];
  private localOfferOut = false;
  private remoteOfferIn = false;
  private remote: string | null = null;
  private closed = false;

  constructor(
    private readonly bridge: MediaBridge,
    private readonly log: Logger,
  ) {
    this.session = bridge.newSession();
  }

  async getDescription(options?: SessionDescriptionHandlerOptions & { hold?: boolean; iceRestart?: boolean }): Promise<BodyAndContentType> {
    if (this.closed) throw new Error('session description handler closed');
    const op = this.remoteOfferIn ? 'answer' : 'offer';
    const hold = options?.hold === true;
    const sdp = await this.bridge.run(
      op === 'offer' ? { op, session: this.session, hold, iceRestart: options?.iceRestart === true } : { op, session: this.session, hold },
    );
    if (!sdp) throw new Error(`the workspace window returned no ${op}`);
    if (op === 'answer') this.remoteOfferIn = false;
    else this.localOfferOut = true;
    return { body: sdp, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    if (this.closed) throw new Error('session description handler closed');
    const type = this.localOfferOut ? 'answer' : 'offer';
    await this.bridge.run({ op: 'remote', session: this.session, type, sdp });
    this.remote = sdp;
    if (type === 'answer') this.localOfferOut = false;
    else this.remoteOfferIn = true;
  }

  /** Digits as RFC 4733 events when the far end negotiated telephone-event; otherwise the caller uses SIP INFO. */
  sendDtmf(tones: string): boolean {
    if (this.closed || !this.remote || !/telephone-event\//i.test(this.remote)) return false;
    this.bridge.run({ op: 'dtmf', session: this.session, tones }).catch((err: Error) => this.log.warn('media: DTMF not sent', { error: err.message }));
    return true;
  }

  setMuted(muted: boolean): void {
    this.bridge.run({ op: 'mute', session: this.session, muted }).catch((err: Error) => this.log.warn('media: mute not applied', { error: err.message }));
  }

  /** An offer/answer that failed midway (e.g. a refused re-INVITE): the renderer goes back to its last stable state. */
  async rollbackDescription(): Promise<void> {
    this.localOfferOut = false;
    this.remoteOfferIn = false;
    await this.bridge.run({ op: 'rollback', session: this.session });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.bridge.run({ op: 'close', session: this.session }).catch(() => undefined);
  }
}
