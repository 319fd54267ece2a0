import type { HighlightRange } from '../../src-shared/domain/knowledge';

export interface TextPiece {
  text: string;
  marked: boolean;
}

/**
 * Cuts text (a KB snippet, a draft with coach findings) into plain and marked pieces from highlight ranges.
 * Ranges out of bounds, empty or overlapping are clamped and merged: every character appears exactly once.
 */
export function highlightPieces(text: string, ranges: readonly HighlightRange[]): TextPiece[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, text.length)), end: Math.max(0, Math.min(r.end, text.length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
