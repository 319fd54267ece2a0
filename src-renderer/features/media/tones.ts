/** A mono 16-bit PCM WAV of tone bursts, made here so no audio file is fetched (CSP: blob: media only). */
export function toneWav(parts: { hz: number[]; ms: number }[], sampleRate = 8000, volume = 0.25): Uint8Array {
  const samples = parts.reduce((n, p) => n + Math.round((p.ms / 1000) * sampleRate), 0);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  let offset = 44;
  for (const part of parts) {
    const n = Math.round((part.ms / 1000) * sampleRate);
    for (let i = 0; i < n; i++) {
      const t = i / sampleRate;
      const mix = part.hz.reduce((sum, hz) => sum + Math.sin(2 * Math.PI * hz * t), 0) / Math.max(1, part.hz.length);
      view.setInt16(offset, Math.round(mix * volume * 32767), true);
      offset += 2;
    }
  }
  return bytes;
}

/** Ring-back style ring: 2 s of 440 + 480 Hz, 4 s of quiet; played in a loop on the ringer device. */
export const RING = [{ hz: [440, 480], ms: 2000 }, { hz: [], ms: 4000 }];
/** The short beep a headset agent hears when a call is answered for them (auto-answer). */
export const AUTO_ANSWER_BEEP = [{ hz: [880], ms: 180 }];
