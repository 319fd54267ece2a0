import { describe, expect, it } from 'vitest';
import { clock, peaks, spanPlace } from './timeline';

describe('recording timeline', () => {
  it('takes the loudest sample of each slice, so a silent span draws flat and a tone draws tall', () => {
    const samples = new Float32Array([0, 0, 0, 0, 0.5, -0.9, 0.2, 0.1]);
    expect(peaks(samples, 2)).toEqual([0, expect.closeTo(0.9, 5)]);
    expect(peaks(samples, 4)).toEqual([0, 0, expect.closeTo(0.9, 5), expect.closeTo(0.2, 5)]);
    expect(peaks(new Float32Array(0), 3)).toEqual([0, 0, 0]);
  });

  it('places a paused span by its seconds on the timeline, clamped to the recording', () => {
    expect(spanPlace({ from: 2, to: 4 }, 10)).toEqual({ left: 20, width: 20 });
    expect(spanPlace({ from: 8, to: 14 }, 10)).toEqual({ left: 80, width: 20 });
    expect(spanPlace({ from: 1, to: 2 }, 0)).toEqual({ left: 0, width: 0 });
  });

  it('reads a position as m:ss, and h:mm:ss past an hour', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65.7)).toBe('1:05');
    expect(clock(3723)).toBe('1:02:03');
  });
});
