import { describe, expect, it } from 'vitest';
import { PhoneStream } from './phone-stream';

function rtp(ssrc: number, seq: number, ts: number, type = 0): Buffer {
  const p = Buffer.alloc(12 + 160, 0xff);
  p[0] = 0x80;
  p[1] = type;
  p.writeUInt16BE(seq, 2);
  p.writeUInt32BE(ts, 4);
  p.writeUInt32BE(ssrc, 8);
  return p;
}
const fields = (p: Buffer) => ({ seq: p.readUInt16BE(2), ts: p.readUInt32BE(4), ssrc: p.readUInt32BE(8) });
const agent = 0xc881dd98;
const notice = 0x4bc35cc5;

describe('the customer phone as one RTP stream', () => {
  it('sends the echo of two sources (the agent, the notice) as one SSRC of its own, numbered in sending order', () => {
    const phone = new PhoneStream();
    const sent = [rtp(agent, 30_000, 1000), rtp(notice, 6000, 50), rtp(agent, 30_001, 1160), rtp(notice, 6001, 210)];
    const out = sent.map((p, i) => fields(phone.renumber(p, 1000 + i * 10)));
    const ssrcs = new Set(out.map((f) => f.ssrc));
    expect(ssrcs.size).toBe(1);
    expect(ssrcs.has(agent) || ssrcs.has(notice)).toBe(false);
    for (let i = 1; i < out.length; i++) {
      expect(out[i]!.seq).toBe((out[0]!.seq + i) & 0xffff);
      // Each switch of source goes on from when the packet left: 10 ms apart on an 8 kHz clock.
      expect((out[i]!.ts - out[0]!.ts) >>> 0).toBe(80 * i);
    }
  });

  it('keeps what the echo lost or delayed on its way to the phone: a gap stays a gap, a late packet stays late', () => {
    const phone = new PhoneStream();
    // 30 002 was lost before the phone; 30 003 arrives after 30 004.
    const sent = [rtp(agent, 30_000, 1000), rtp(agent, 30_001, 1160), rtp(agent, 30_004, 1640), rtp(agent, 30_003, 1480)];
    const out = sent.map((p, i) => fields(phone.renumber(p, i * 20)));
    const seqs = out.map((f) => (f.seq - out[0]!.seq) & 0xffff);
    expect(seqs).toEqual([0, 1, 4, 3]);
    // The source's own timing: 160 ticks (20 ms) a packet.
    expect(out.map((f) => (f.ts - out[0]!.ts) >>> 0)).toEqual([0, 160, 640, 480]);
  });

  it('keeps the audio and the marker, and leaves RTCP and non-RTP alone', () => {
    const phone = new PhoneStream();
    const marked = rtp(1, 1, 1, 0x80 | 8);
    const out = phone.renumber(marked, 0);
    expect(out[1]).toBe(0x80 | 8);
    expect(out.subarray(12)).toEqual(marked.subarray(12));
    const rtcp = rtp(1, 1, 1, 0x80 | 72);
    expect(phone.renumber(rtcp, 5)).toBe(rtcp);
    const stun = Buffer.from([0x00, 0x01, 0x00, 0x00]);
    expect(phone.renumber(stun, 5)).toBe(stun);
  });
});
