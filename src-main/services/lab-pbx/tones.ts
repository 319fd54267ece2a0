import { linearToMuLaw } from '../../../src-shared/recording/g711';
import { pcmWav } from '../../../src-shared/recording/call-recording';

/** Known audio for lab calls: a sine tone, so a test can tell by frequency whose voice ended up where. */
function sine(hz: number, seconds: number, amplitude: number): Int16Array {
  const samples = new Int16Array(Math.round(seconds * 8000));
  for (let n = 0; n < samples.length; n++) samples[n] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * n) / 8000));
  return samples;
}

/** A mono 8-kHz WAV of a tone: Chromium's fake microphone plays it (--use-file-for-fake-audio-capture). */
export function toneWav(hz: number, seconds: number, amplitude = 8000): Uint8Array {
  return pcmWav(sine(hz, seconds, amplitude), 1);
}

/**
 * A tone as RTP (PCMU, 20-ms packets) in an Ethernet pcap file: what SIPp's play_pcap_audio sends as the customer's
 * voice (SIPp rewrites the addresses and ports; the file only needs well-formed packets).
 */
export function tonePcap(hz: number, seconds: number, amplitude = 8000): Uint8Array {
  const samples = sine(hz, seconds, amplitude);
  const packets = Math.floor(samples.length / 160);
  const recordLength = 14 + 20 + 8 + 12 + 160;
  const out = new Uint8Array(24 + packets * (16 + recordLength));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 65535, true);
  view.setUint32(20, 1, true); // Ethernet
  for (let i = 0; i < packets; i++) {
    const at = 24 + i * (16 + recordLength);
    const micros = i * 20_000;
    view.setUint32(at, Math.floor(micros / 1e6), true);
    view.setUint32(at + 4, micros % 1e6, true);
    view.setUint32(at + 8, recordLength, true);
    view.setUint32(at + 12, recordLength, true);
    const eth = at + 16;
    view.setUint16(eth + 12, 0x0800);
    const ip = eth + 14;
    view.setUint8(ip, 0x45);
    view.setUint16(ip + 2, 20 + 8 + 12 + 160);
    view.setUint8(ip + 8, 64);
    view.setUint8(ip + 9, 17);
    view.setUint32(ip + 12, 0x7f000001);
    view.setUint32(ip + 16, 0x7f000001);
    const udp = ip + 20;
    view.setUint16(udp, 6000);
    view.setUint16(udp + 2, 6002);
    view.setUint16(udp + 4, 8 + 12 + 160);
    const rtp = udp + 8;
    view.setUint8(rtp, 0x80);
    view.setUint8(rtp + 1, 0);
    view.setUint16(rtp + 2, i);
    view.setUint32(rtp + 4, i * 160);
    view.setUint32(rtp + 8, 0x5eed);
    for (let j = 0; j < 160; j++) out[rtp + 12 + j] = linearToMuLaw(samples[i * 160 + j] ?? 0);
  }
  return out;
}
