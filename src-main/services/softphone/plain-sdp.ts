import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';

/**
 * Offer/answer without WebRTC, for the main process under Node: a plain RTP/AVP audio description.
 * It stands in where no renderer media is attached (CLI, lab tests); the renderer's RTCPeerConnection
 * takes this place when media is bridged.
 */
export class PlainSdpHandler implements SessionDescriptionHandler {
  private remote: string | null = null;
  private closed = false;
  private readonly sessionId = Math.floor(Date.now() / 1000);
  /** RFC 3264: each new offer or answer in the session carries a higher version. */
  private version = 0;

  constructor(private readonly mediaPort: number) {}

  get remoteDescription(): string | null {
    return this.remote;
  }

  close(): void {
    this.closed = true;
  }

  /** sip.js passes the re-INVITE's options here; { hold: true } offers sendonly (RFC 3264 hold). */
  async getDescription(options?: SessionDescriptionHandlerOptions & { hold?: boolean }): Promise<BodyAndContentType> {
    if (this.closed) throw new Error('session description handler closed');
    this.version += 1;
    const body = [
      'v=0',
      `o=agent-desktop ${this.sessionId} ${this.version} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${this.mediaPort} RTP/AVP 0 8 101`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:8 PCMA/8000',
      'a=rtpmap:101 telephone-event/8000',
      'a=fmtp:101 0-15',
      options?.hold ? 'a=sendonly' : 'a=sendrecv',
      '',
    ].join('\r\n');
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    if (this.closed) throw new Error('session description handler closed');
    if (!/^v=0/m.test(sdp) || !/^m=audio /m.test(sdp)) throw new Error('remote description has no audio stream');
    this.remote = sdp;
  }

  /** No RTP here, so no RFC 4733 events: the caller falls back to SIP INFO. */
  sendDtmf(): boolean {
    return false;
  }
}
