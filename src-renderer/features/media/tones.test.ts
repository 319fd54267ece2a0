import { describe, expect, it } from 'vitest';
import { AUTO_ANSWER_BEEP, RING, toneWav } from './tones';

describe('toneWav', () => {
  it('writes a playable WAV header and one 16-bit sample per tick', () => {
    const wav = toneWav(AUTO_ANSWER_BEEP, 8000);
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.slice(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...wav.slice(8, 12))).toBe('WAVE');
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint32(40, true)).toBe(Math.round(0.18 * 8000) * 2);
    expect(wav.length).toBe(44 + Math.round(0.18 * 8000) * 2);
  });

  it('is silent where the pattern pauses and not where it rings', () => {
    const wav = toneWav(RING, 8000);
    const view = new DataView(wav.buffer);
    const sampleAt = (ms: number) => view.getInt16(44 + Math.round((ms / 1000) * 8000) * 2, true);
    expect(Math.max(...[1, 2, 3, 5, 7].map((ms) => Math.abs(sampleAt(ms))))).toBeGreaterThan(1000);
    expect(sampleAt(3000)).toBe(0);
  });
});
