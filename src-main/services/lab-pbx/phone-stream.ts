import { randomInt } from 'node:crypto';

interface SourceState {
  /** The highest sequence number and its timestamp seen from this source, and what they became. */
  inSeq: number;
  inTs: number;
  outSeq: number;
  outTs: number;
}

/**
 * The customer's phone as one RTP stream. The lab's phone (SIPp) echoes what reaches it, so what it sends back
 * carries the SSRCs of whoever sent it: the agent's own SSRC, and the relay's media player's while the recording
 * notice plays. A real phone sends one stream of its own; a browser that gets its own SSRC back first and a
 * second source after it can end up playing neither (seen in the demo as "No audio from the caller"). This gives
 * every packet one SSRC of the phone's own and numbers it in that stream. What the echoed packets went through on
 * the way to the phone still shows, as it would in the phone's own stream: a gap in a source's numbers stays a gap
 * (packets lost), a late packet stays late (its earlier number and timestamp), and a source's timing is kept. Where
 * the echo switches source, the stream goes on from the time the packet left the phone. RTCP and anything not RTP
 * pass unchanged.
 */
export class PhoneStream {
  private readonly ssrc = randomInt(1, 2 ** 32 - 1);
  private nextSeq = randomInt(0, 2 ** 16);
  private readonly firstTs = randomInt(0, 2 ** 32 - 1);
  private startedAt: number | null = null;
  private lastSource: number | null = null;
  private readonly sources = new Map<number, SourceState>();

  /** A copy of an RTP packet renumbered as this phone's; `at` is when it left the phone (ms). */
  renumber(packet: Buffer, at: number): Buffer {
    if (!isRtp(packet)) return packet;
    this.startedAt ??= at;
    const source = packet.readUInt32BE(8);
    const inSeq = packet.readUInt16BE(2);
    const inTs = packet.readUInt32BE(4);
    const known = this.sources.get(source);
    const ahead = known ? int16(inSeq - known.inSeq) : 1;
    let outSeq: number;
    let outTs: number;
    if (ahead <= 0) {
      // Late or repeated: the number and time it would have had.
      outSeq = (known!.outSeq + ahead) & 0xffff;
      outTs = (known!.outTs + (inTs - known!.inTs)) >>> 0;
    } else {
      const sameSource = known !== undefined && source === this.lastSource;
      outSeq = (this.nextSeq + (sameSource ? ahead - 1 : 0)) & 0xffff;
      // G.711 and telephone events run on an 8 kHz clock: 8 ticks a millisecond.
      outTs = sameSource ? (known.outTs + (inTs - known.inTs)) >>> 0 : (this.firstTs + Math.round((at - this.startedAt) * 8)) >>> 0;
      this.nextSeq = (outSeq + 1) & 0xffff;
      this.sources.set(source, { inSeq, inTs, outSeq, outTs });
      this.lastSource = source;
    }
    const out = Buffer.from(packet);
    out.writeUInt16BE(outSeq, 2);
    out.writeUInt32BE(outTs, 4);
    out.writeUInt32BE(this.ssrc, 8);
    return out;
  }
}

/** RTP version 2 with a full header, and not RTCP multiplexed on the same port (payload types 72–76). */
function isRtp(packet: Buffer): boolean {
  if (packet.length < 12 || packet[0]! >> 6 !== 2) return false;
  const type = packet[1]! & 0x7f;
  return type < 72 || type > 76;
}

/** The signed distance between two 16-bit sequence numbers (they wrap). */
function int16(d: number): number {
  return ((d + 0x8000) & 0xffff) - 0x8000;
}
