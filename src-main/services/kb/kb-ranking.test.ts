import { describe, expect, it } from 'vitest';
import { seededRandom } from '../sample-data/synthetic';
import { ascending, scoreToBeat, TopScores, type Ranked } from './kb-ranking';

describe('TopScores, the fill-up of a search', () => {
  it('keeps what sorting every article by score (ties: the older first) and taking the first would', () => {
    const r = seededRandom(3);
    for (let round = 0; round < 200; round++) {
      // Scores from a few values, so many tie, offered in no order.
      const offered = Array.from({ length: Math.floor(r() * 60) }, (_, i) => ({ id: i * 7 + Math.floor(r() * 7), score: Math.floor(r() * 6) / 4 }));
      offered.sort(() => r() - 0.5);
      const size = Math.floor(r() * 12);
      const top = new TopScores(size);
      for (const { id, score } of offered) top.offer(id, score);
      expect(top.best).toEqual([...offered].sort((x, y) => y.score - x.score || x.id - y.id).slice(0, size));
    }
  });
});

describe('ascending', () => {
  it('gives article ids in order, sorted only when they came out of it', () => {
    expect([...ascending([3, 9, 12])]).toEqual([3, 9, 12]);
    expect([...ascending([12, 3, 9, 10])]).toEqual([3, 9, 10, 12]);
  });
});

describe('scoreToBeat', () => {
  const found = (...rows: [number, 0 | 1][]) => new Map<number, Ranked>(rows.map(([score, tier], i) => [i, { articleId: i, score, tier }]));
  it('is the last of the top articles once that many hold every word, else nothing', () => {
    expect(scoreToBeat(found([5, 0], [9, 0], [7, 0], [20, 1]), 3)).toBe(5);
    expect(scoreToBeat(found([5, 0], [9, 0], [7, 0]), 2)).toBe(7);
    expect(scoreToBeat(found([5, 0], [9, 0], [20, 1]), 3)).toBe(Number.NEGATIVE_INFINITY);
  });
});
