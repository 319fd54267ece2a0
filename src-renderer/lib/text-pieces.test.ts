import { describe, expect, it } from 'vitest';
import { highlightPieces } from './text-pieces';

describe('highlightPieces', () => {
  it('cuts the text into plain and marked pieces', () => {
    expect(highlightPieces('退款进度查询', [{ start: 0, end: 2 }])).toEqual([
      { text: '退款', marked: true },
      { text: '进度查询', marked: false },
    ]);
  });

  it('keeps every character once, whatever the ranges', () => {
    const text = 'abcdef';
    const pieces = highlightPieces(text, [
      { start: 4, end: 99 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
      { start: 5, end: 5 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'd', marked: true },
      { text: 'ef', marked: true },
    ]);
  });

  it('treats markup in the text as text', () => {
    expect(highlightPieces('<img src=x onerror=alert(1)>', [])).toEqual([{ text: '<img src=x onerror=alert(1)>', marked: false }]);
  });
});
