import type { BodyAndContentType, SessionDescriptionHandler } from 'sip.js';

/**
 * Offer/answer without WebRTC, for the main process under Node: a plain RTP/AVP audio description.
 * It stands in where no renderer media is attached (CLI, lab tests); the renderer's RTCPeerConnection
 * takes this place when media is bridged.
 */
export class PlainSdpHandler implements SessionDescriptionHandler {
  private remote: string | null = null;
  private closed = false;

  constructor(private readonly mediaPort: number) {}

  get remoteDescription(): string | null {
    return this.remote;
  }

  close(): void {
    this.closed = true;
  }

  async getDescription(): Promise<BodyAndContentType> {
    if (this.closed) throw new Error('session description handler closed');
    const id = Math.floor(Date.now() / 1000);
    const body = [
      'v=0',
      `o=agent-desktop ${id} ${id} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${this.mediaPort} RTP/AVP 0 8 101`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:8 PCMA/8000',
      'a=rtpmap:101 telephone-event/8000',
      'a=fmtp:101 0-15',
      'a=sendrecv',
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

  sendDtmf(): boolean {
    return false;
  }
}
