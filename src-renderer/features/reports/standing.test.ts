import { describe, expect, it } from 'vitest';
import { change, standing } from './standing';

describe('a tile against its target and the previous period', () => {
  it('higher-is-better and lower-is-better metrics colour the right way, with a near band of a tenth', () => {
    expect(standing('fcrRate', 0.8, 0.75)).toBe('good');
    expect(standing('fcrRate', 0.7, 0.75)).toBe('near');
    expect(standing('fcrRate', 0.6, 0.75)).toBe('bad');
    expect(standing('ahtSeconds', 300, 360)).toBe('good');
    expect(standing('ahtSeconds', 390, 360)).toBe('near');
    expect(standing('ahtSeconds', 420, 360)).toBe('bad');
    expect(standing('lowCsatOpen', 1, 0)).toBe('bad');
    expect(standing('offered', 10, null)).toBeNull();
  });

  it('a share changes in points, the rest relative to before; a shorter handle time is good news', () => {
    expect(change('fcrRate', 0.8, 0.75)).toEqual({ kind: 'points', value: expect.closeTo(5, 6), better: true });
    expect(change('ahtSeconds', 330, 300)).toEqual({ kind: 'relative', value: expect.closeTo(0.1, 6), better: false });
    expect(change('handled', 5, 0)).toBeNull();
    expect(change('handled', 5, null)).toBeNull();
  });
});
