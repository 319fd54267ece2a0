import { describe, expect, it } from 'vitest';
import { captureRecordTimes, holdTimes, parseRecordingMetadata, readRtpCapture, RecordingFormatError, stereoRecording } from './call-recording';

/** G.711 μ-law encoding (the standard's segment search), written here so the test does not trust the decoder. */
function muLaw(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  const magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

interface Sent {
  at: number;
  srcPort: number;
  dstPort: number;
  pt: number;
  seq: number;
  ts: number;
  ssrc: number;
  payload: Uint8Array;
}

/** A pcap file as rtpengine writes one: link type 101 (raw IP), IPv4, UDP, RTP. */
function pcap(packets: Sent[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const header = new DataView(new ArrayBuffer(24));
  header.setUint32(0, 0xa1b2c3d4, true);
  header.setUint16(4, 2, true);
  header.setUint16(6, 4, true);
  header.setUint32(16, 65535, true);
  header.setUint32(20, 101, true);
  chunks.push(new Uint8Array(header.buffer));
  for (const p of packets) {
    const ip = new DataView(new ArrayBuffer(20 + 8 + 12 + p.payload.byteLength));
    ip.setUint8(0, 0x45);
    ip.setUint16(2, ip.byteLength);
    ip.setUint8(9, 17);
    ip.setUint16(20, p.srcPort);
    ip.setUint16(22, p.dstPort);
    ip.setUint16(24, 8 + 12 + p.payload.byteLength);
    ip.setUint8(28, 0x80);
    ip.setUint8(29, p.pt);
    ip.setUint16(30, p.seq);
    ip.setUint32(32, p.ts);
    ip.setUint32(36, p.ssrc);
    new Uint8Array(ip.buffer).set(p.payload, 40);
    const record = new DataView(new ArrayBuffer(16));
    record.setUint32(0, Math.floor(p.at), true);
    record.setUint32(4, Math.round((p.at % 1) * 1e6), true);
    record.setUint32(8, ip.byteLength, true);
    record.setUint32(12, ip.byteLength, true);
    chunks.push(new Uint8Array(record.buffer), new Uint8Array(ip.buffer));
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.byteLength) - c.byteLength);
  return out;
}

const T0 = 1_800_000_000;
/** 20-ms packets of a tone from one side: `seconds` long, starting `start` seconds into the call. */
function tone(side: { srcPort: number; dstPort: number; ssrc: number }, hz: number, start: number, seconds: number, firstTs = 1000): Sent[] {
  const out: Sent[] = [];
  for (let i = 0; i < seconds * 50; i++) {
    const payload = new Uint8Array(160);
    for (let j = 0; j < 160; j++) payload[j] = muLaw(Math.round(8000 * Math.sin((2 * Math.PI * hz * (i * 160 + j)) / 8000)));
    out.push({ ...side, at: T0 + start + i * 0.02, pt: 0, seq: i, ts: firstTs + i * 160, payload });
  }
  return out;
}

/** Goertzel power of one frequency in a stretch of one channel, normalised by its length. */
function power(wav: Uint8Array, channel: 0 | 1, from: number, to: number, hz: number): number {
  const view = new DataView(wav.buffer, wav.byteOffset);
  const k = 2 * Math.cos((2 * Math.PI * hz) / 8000);
  let [s1, s2] = [0, 0];
  for (let n = Math.round(from * 8000); n < Math.round(to * 8000); n++) {
    const x = view.getInt16(44 + (n * 2 + channel) * 2, true);
    [s1, s2] = [x + k * s1 - s2, s1];
  }
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / ((to - from) * 8000) ** 2;
}

describe('a call recording from the relay', () => {
  // An inbound call: the customer offered, so the agent sends to the offer's relay port 42241, the customer to 42256.
  const agent = { srcPort: 56780, dstPort: 42241, ssrc: 0x1111 };
  const agentAfterReInvite = { ...agent, ssrc: 0x2222 };
  const customer = { srcPort: 46491, dstPort: 42256, ssrc: 0x3333 };
  const rtcp: Sent = { ...agent, at: T0 + 0.3, pt: 200, seq: 0, ts: 0, payload: new Uint8Array(16) };
  const dtmf: Sent = { ...customer, at: T0 + 0.7, pt: 101, seq: 99, ts: 5000, payload: new Uint8Array([5, 10, 0, 160]) };
  const capture = pcap(
    [...tone(agent, 440, 0, 1), ...tone(customer, 1000, 0.5, 1), ...tone(agentAfterReInvite, 440, 2, 0.5, 777_000), rtcp, dtmf].sort((a, b) => a.at - b.at),
  );

  it('puts the agent on the left and the customer on the right, each where it was heard, silence between', () => {
    const { wav, seconds, startedAt } = stereoRecording(readRtpCapture(capture), { agent: 42241, customer: 42256 });
    expect(startedAt).toBeCloseTo(T0 * 1000, 0);
    expect(seconds).toBeCloseTo(2.5, 2);
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.subarray(0, 4), ...wav.subarray(8, 12))).toBe('RIFFWAVE');
    expect([view.getUint16(22, true), view.getUint32(24, true), view.getUint16(34, true)]).toEqual([2, 8000, 16]);
    expect(view.getUint32(40, true)).toBe(2.5 * 8000 * 4);

    const loud = 1e5; // a 8000-amplitude tone gives (8000/2)² = 1.6e7; silence gives 0
    expect(power(wav, 0, 0, 1, 440)).toBeGreaterThan(loud);
    expect(power(wav, 0, 0, 1, 1000)).toBeLessThan(loud / 100);
    expect(power(wav, 0, 1.02, 1.98, 440)).toBe(0);
    expect(power(wav, 0, 2, 2.5, 440)).toBeGreaterThan(loud);
    expect(power(wav, 1, 0, 0.48, 1000)).toBe(0);
    expect(power(wav, 1, 0.5, 1.5, 1000)).toBeGreaterThan(loud);
    expect(power(wav, 1, 0.5, 1.5, 440)).toBeLessThan(loud / 100);
  });

  it('an outbound call is the other way round; a packet to neither port is left out', () => {
    const { wav } = stereoRecording(readRtpCapture(capture), { agent: 42256, customer: 42241 });
    expect(power(wav, 0, 0.5, 1.5, 1000)).toBeGreaterThan(1e5);
    expect(power(wav, 1, 0, 1, 440)).toBeGreaterThan(1e5);
    expect(stereoRecording(readRtpCapture(capture), { agent: 1, customer: 2 }).seconds).toBe(0);
  });

  it('a file that is not a capture is refused with the reason; one cut short keeps what came before', () => {
    expect(() => readRtpCapture(new Uint8Array(10))).toThrow(RecordingFormatError);
    expect(() => readRtpCapture(new TextEncoder().encode('this is not a pcap file at all, honestly'))).toThrow(/magic/);
    const whole = readRtpCapture(capture).length;
    expect(readRtpCapture(capture.subarray(0, capture.byteLength - 50)).length).toBe(whole - 1);
  });

  it('reads the relay ports and the PBX metadata from rtpengine\'s metadata file', () => {
    const text = [
      '/var/spool/rtpengine/pcaps/abc.pcap',
      '',
      '',
      'Timestamp started ms: 1795992283267.412',
      'SDP mode: offer',
      'SDP before RTP packet: 1',
      '',
      'v=0',
      'm=audio 42241 UDP/TLS/RTP/SAVPF 0 101',
      'a=rtpmap:0 PCMU/8000',
      '',
      'Timestamp started ms: 1795992283267.416',
      'SDP mode: answer',
      'SDP before RTP packet: 1',
      '',
      'v=0',
      'm=audio 42256 RTP/AVP 0 101',
      '',
      'Timestamp terminated ms(first monologue): 1795992286845.436',
      '',
      'call start time: 2026-11-29T22:44:43',
      'call end time: 2026-11-29T22:44:46',
      '',
      '',
      'direction:inbound|agent:33303031|customer:2b38363133|x<y>:z',
      '',
    ].join('\n');
    expect(parseRecordingMetadata(text)).toEqual({
      ports: { offer: 42241, answer: 42256 },
      ended: true,
      fields: { direction: 'inbound', agent: '33303031', customer: '2b38363133' },
      sdps: [
        { mode: 'offer', beforePacket: 1, direction: 'sendrecv' },
        { mode: 'answer', beforePacket: 1, direction: 'sendrecv' },
      ],
    });
    // The segment a pause closed; the one after it, with no SDP.
    expect(parseRecordingMetadata(text.replace('1795992286845.436', '0.000')).ended).toBe(false);
    const afterPause = '/var/spool/rtpengine/pcaps/abd.pcap\n\n\nTimestamp terminated ms(first monologue): 1795992290000.100\n\ncall:616263\n';
    expect(parseRecordingMetadata(afterPause)).toEqual({ ports: null, ended: true, fields: { call: '616263' }, sdps: [] });
    expect(() => parseRecordingMetadata('\nSDP mode: offer\n\nv=0\nm=audio 4000 RTP/AVP 0\n')).toThrow(/without the other/);
  });

  it("finds the call's holds in the re-INVITEs' SDPs: from the hold's offer to the next sendrecv offer", () => {
    const block = (mode: string, before: number, direction: string) =>
      `Timestamp started ms: 1.0\nSDP mode: ${mode}\nSDP before RTP packet: ${before}\n\nv=0\nm=audio 4000 RTP/AVP 0\n${direction ? `a=${direction}\n` : ''}`;
    const meta = (blocks: string[]) => parseRecordingMetadata(['/x.pcap', '', ...blocks, 'Timestamp terminated ms(first monologue): 5.0', '', 'call:61', ''].join('\n')).sdps;
    const first = meta([block('offer', 1, ''), block('answer', 1, ''), block('offer', 101, 'sendonly'), block('answer', 101, 'recvonly')]);
    expect(first.map((s) => [s.mode, s.beforePacket, s.direction])).toEqual([
      ['offer', 1, 'sendrecv'],
      ['answer', 1, 'sendrecv'],
      ['offer', 101, 'sendonly'],
      ['answer', 101, 'recvonly'],
    ]);
    const times = Array.from({ length: 300 }, (_, i) => 1000 + i * 0.02);
    // Held at record 101 (2 s in), taken off hold at record 51 of the next segment (after a pause).
    const second = meta([block('offer', 51, 'sendrecv'), block('answer', 51, '')]);
    const next = times.map((t) => t + 10);
    expect(holdTimes([{ sdps: first, times }, { sdps: second, times: next }], 2000)).toEqual([{ from: times[100], to: next[50] }]);
    expect(holdTimes([{ sdps: first, times }], 2000)).toEqual([{ from: times[100], to: 2000 }]);
    expect(holdTimes([{ sdps: meta([block('offer', 1, 'inactive'), block('answer', 1, 'inactive')]), times: [] }], 7)).toEqual([{ from: 7, to: 7 }]);
  });

  it('reads every record time of a capture, RTP or not', () => {
    const times = captureRecordTimes(capture);
    expect(times.length).toBeGreaterThanOrEqual(readRtpCapture(capture).length);
    expect(times[0]).toBeCloseTo(readRtpCapture(capture)[0]!.at, 6);
  });
});
