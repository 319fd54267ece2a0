/**
 * A call as the PBX's media relay recorded it (rtpengine, --recording-method=pcap), made into what a team lead
 * plays back: one stereo WAV, the agent on the left channel and the customer on the right, silence wherever a side
 * sent nothing (a pause, hold, a gap in the network).
 *
 * rtpengine writes every RTP packet it received, decrypted, as a raw IP packet in a pcap file; the destination
 * port says which side sent it (each side sends to the relay port its SDP gave it). Its metadata file keeps the
 * SDP offer and answer it rewrote and the metadata string the PBX passed with the call.
 */
import { aLawToLinear, muLawToLinear } from './g711';

const SAMPLE_RATE = 8000;
/** Longer than any call a center keeps in one piece: packets placed beyond it are dropped, not allocated. */
export const MAX_RECORDING_SECONDS = 4 * 3600;

export interface RtpPacket {
  /** Arrival at the relay, seconds since the epoch. */
  at: number;
  dstPort: number;
  payloadType: number;
  timestamp: number;
  ssrc: number;
  payload: Uint8Array;
}

/** A recording file that cannot be read, said so the PBX's operator can tell which and why. */
export class RecordingFormatError extends Error {}

/** RTP packets in a pcap file (raw IP or Ethernet link type, IPv4 or IPv6, UDP); RTCP and anything else skipped. */
export function readRtpCapture(bytes: Uint8Array): RtpPacket[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 24) throw new RecordingFormatError('not a pcap file: shorter than its 24-byte header');
  const magic = view.getUint32(0, true);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!little && view.getUint32(0, false) !== 0xa1b2c3d4 && view.getUint32(0, false) !== 0xa1b23c4d) {
    throw new RecordingFormatError('not a pcap file: unknown magic number');
  }
  const fractionScale = (little ? magic : view.getUint32(0, false)) === 0xa1b23c4d ? 1e-9 : 1e-6;
  const linkType = view.getUint32(20, little);
  const linkHeader = linkType === 1 ? 14 : linkType === 101 || linkType === 228 || linkType === 229 ? 0 : -1;
  if (linkHeader < 0) throw new RecordingFormatError(`pcap link type ${linkType} is not raw IP or Ethernet`);
  const packets: RtpPacket[] = [];
  for (let offset = 24; offset + 16 <= bytes.byteLength; ) {
    const at = view.getUint32(offset, little) + view.getUint32(offset + 4, little) * fractionScale;
    const length = view.getUint32(offset + 8, little);
    const start = offset + 16;
    offset = start + length;
    if (offset > bytes.byteLength) break; // a capture cut short: keep what came before
    const packet = rtpIn(bytes.subarray(start + linkHeader, start + length), at);
    if (packet) packets.push(packet);
  }
  return packets;
}

function rtpIn(ip: Uint8Array, at: number): RtpPacket | null {
  if (ip.byteLength < 1) return null;
  const view = new DataView(ip.buffer, ip.byteOffset, ip.byteLength);
  const version = (ip[0] ?? 0) >> 4;
  let udp: number;
  if (version === 4) {
    if (ip.byteLength < 20 || ip[9] !== 17) return null;
    udp = ((ip[0] ?? 0) & 0x0f) * 4;
  } else if (version === 6) {
    if (ip.byteLength < 40 || ip[6] !== 17) return null;
    udp = 40;
  } else return null;
  const rtp = udp + 8;
  if (ip.byteLength < rtp + 12 || (ip[rtp] ?? 0) >> 6 !== 2) return null;
  const marker = (ip[rtp + 1] ?? 0) & 0x7f;
  if (marker >= 72 && marker <= 76) return null; // RTCP (200–204) multiplexed on the RTP port
  const csrcs = ((ip[rtp] ?? 0) & 0x0f) * 4;
  const extension = ((ip[rtp] ?? 0) & 0x10) !== 0;
  let payload = rtp + 12 + csrcs;
  if (extension) {
    if (ip.byteLength < payload + 4) return null;
    payload += 4 + view.getUint16(payload + 2) * 4;
  }
  let end = ip.byteLength;
  if (((ip[rtp] ?? 0) & 0x20) !== 0) end -= ip[end - 1] ?? 0; // padding
  if (payload > end) return null;
  return {
    at,
    dstPort: view.getUint16(udp + 2),
    payloadType: marker,
    timestamp: view.getUint32(rtp + 4),
    ssrc: view.getUint32(rtp + 8),
    payload: ip.subarray(payload, end),
  };
}

export interface RecordingMetadata {
  /**
   * The relay ports in the SDP offer and answer it rewrote: the answering side sends its audio to the offer's port,
   * the offering side to the answer's. Only the first segment of a recording has them: after a pause, rtpengine
   * starts a new capture file whose metadata holds no SDP.
   */
  ports: { offer: number; answer: number } | null;
  /** Whether the call had ended when this segment was closed (otherwise a pause closed it). */
  ended: boolean;
  /** What the PBX passed with the call ("key:value|key:value", its last line). */
  fields: Record<string, string>;
  /**
   * Every SDP the relay took during this segment (the call's first offer and answer, and each re-INVITE's, as a
   * hold), with the capture record it came before and the media direction it asked for.
   */
  sdps: SdpChange[];
}

export interface SdpChange {
  mode: 'offer' | 'answer';
  /** 1-based: the SDP came before this record of the segment's capture. */
  beforePacket: number;
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
}

/** The arrival time (seconds since the epoch) of every record in a pcap file, RTP or not: for rtpengine's packet counts. */
export function captureRecordTimes(bytes: Uint8Array): number[] {
  if (bytes.byteLength < 24) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const fractionScale = (little ? magic : view.getUint32(0, false)) === 0xa1b23c4d ? 1e-9 : 1e-6;
  const times: number[] = [];
  for (let offset = 24; offset + 16 <= bytes.byteLength; offset += 16 + view.getUint32(offset + 8, little)) {
    times.push(view.getUint32(offset, little) + view.getUint32(offset + 4, little) * fractionScale);
  }
  return times;
}

/**
 * Where the call was on hold, from the SDPs of its segments: an offer asking sendonly or inactive starts a hold, the
 * next offer asking sendrecv ends it (seconds since the epoch; an unended hold runs to `end`).
 */
export function holdTimes(segments: Array<{ sdps: SdpChange[]; times: number[] }>, end: number): Array<{ from: number; to: number }> {
  const spans: Array<{ from: number; to: number }> = [];
  let since: number | null = null;
  for (const { sdps, times } of segments) {
    for (const sdp of sdps) {
      if (sdp.mode !== 'offer') continue;
      const at = times[Math.min(sdp.beforePacket - 1, times.length - 1)] ?? end;
      const held = sdp.direction === 'sendonly' || sdp.direction === 'inactive';
      if (held && since === null) since = at;
      else if (!held && since !== null) {
        spans.push({ from: since, to: at });
        since = null;
      }
    }
  }
  if (since !== null) spans.push({ from: since, to: end });
  return spans;
}

/** rtpengine's metadata file for a recording segment: its offer and answer ports, whether the call ended, the PBX's metadata. */
export function parseRecordingMetadata(text: string): RecordingMetadata {
  const port = (mode: 'offer' | 'answer') => {
    const block = text.split(/\nSDP mode: /).find((b) => b.startsWith(mode));
    const m = block ? /\nm=audio (\d+) /.exec(block) : null;
    return m ? Number(m[1]) : null;
  };
  const [offer, answer] = [port('offer'), port('answer')];
  if ((offer === null) !== (answer === null)) throw new RecordingFormatError('the recording\'s metadata has an SDP offer or answer without the other');
  // "Timestamp terminated ms(first monologue): 0.000" when a pause, not the call's end, closed the segment.
  const terminated = /Timestamp terminated ms\(first monologue\): ([\d.]+)/.exec(text);
  // rtpengine writes the PBX's metadata string last.
  const line = text.trimEnd().split('\n').pop() ?? '';
  const fields: Record<string, string> = {};
  for (const pair of line.trim().split('|')) {
    const m = /^([a-z][a-z-]{0,30}):(.{0,200})$/.exec(pair);
    if (m) fields[m[1] ?? ''] = m[2] ?? '';
  }
  const sdps: SdpChange[] = text
    .split(/\nSDP mode: /)
    .slice(1)
    .flatMap((block): SdpChange[] => {
      const mode = block.startsWith('offer') ? 'offer' : block.startsWith('answer') ? 'answer' : null;
      const before = /^\S+\nSDP before RTP packet: (\d{1,12})/.exec(block);
      if (!mode || !before) return [];
      // The block's SDP ends where rtpengine's next line of its own begins.
      const sdp = block.split(/\n(?:Timestamp |Label: )/)[0] ?? '';
      const direction = /\na=(sendonly|recvonly|inactive)\b/.exec(sdp)?.[1] as SdpChange['direction'] | undefined;
      return [{ mode, beforePacket: Number(before[1]), direction: direction ?? 'sendrecv' }];
    });
  return {
    ports: offer !== null && answer !== null ? { offer, answer } : null,
    ended: terminated !== null && Number(terminated[1]) > 0,
    fields,
    sdps,
  };
}

export interface StereoRecording {
  wav: Uint8Array;
  seconds: number;
  /** Arrival of the first packet of either side, epoch ms: where second 0 of the file is. */
  startedAt: number;
}

/**
 * Lays each side's audio on its channel by RTP timestamp, each stream (SSRC) anchored at the arrival of its first
 * packet, so a stream that starts late, or a new one after a re-INVITE, lands where it was heard.
 */
export function stereoRecording(packets: RtpPacket[], ports: { agent: number; customer: number }): StereoRecording {
  const audio = packets.filter((p) => (p.payloadType === 0 || p.payloadType === 8) && (p.dstPort === ports.agent || p.dstPort === ports.customer));
  if (audio.length === 0) return { wav: pcmWav(new Int16Array(0), 2), seconds: 0, startedAt: 0 };
  const t0 = Math.min(...audio.map((p) => p.at));
  const maxSamples = MAX_RECORDING_SECONDS * SAMPLE_RATE;
  const anchors = new Map<number, { sample: number; timestamp: number }>();
  const placed: Array<{ channel: 0 | 1; sample: number; packet: RtpPacket }> = [];
  let length = 0;
  for (const packet of audio) {
    let anchor = anchors.get(packet.ssrc);
    if (!anchor) anchors.set(packet.ssrc, (anchor = { sample: Math.round((packet.at - t0) * SAMPLE_RATE), timestamp: packet.timestamp }));
    const sample = anchor.sample + ((packet.timestamp - anchor.timestamp) | 0);
    if (sample < 0 || sample + packet.payload.byteLength > maxSamples) continue;
    placed.push({ channel: packet.dstPort === ports.agent ? 0 : 1, sample, packet });
    length = Math.max(length, sample + packet.payload.byteLength);
  }
  const frames = new Int16Array(length * 2);
  for (const { channel, sample, packet } of placed) {
    const decode = packet.payloadType === 0 ? muLawToLinear : aLawToLinear;
    for (let i = 0; i < packet.payload.byteLength; i++) frames[(sample + i) * 2 + channel] = decode(packet.payload[i] ?? 0xff);
  }
  return { wav: pcmWav(frames, 2), seconds: length / SAMPLE_RATE, startedAt: t0 * 1000 };
}

/** A 16-bit PCM WAV file at 8 kHz from interleaved samples. */
export function pcmWav(frames: Int16Array, channels: 1 | 2): Uint8Array {
  const data = frames.byteLength;
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2 * channels, true); // byte rate
  view.setUint16(32, 2 * channels, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, data, true);
  for (let i = 0; i < frames.length; i++) view.setInt16(44 + i * 2, frames[i] ?? 0, true);
  return bytes;
}
