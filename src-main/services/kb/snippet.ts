import { foldForSearch } from '../../../src-shared/text/fold';

export interface Snippet {
  /** Plain text, never HTML. */
  text: string;
  /** Where the query's words are in `text` (UTF-16 offsets), for the UI to mark up itself. */
  highlights: { start: number; end: number }[];
}

/**
 * A short window of the body around the first place the query's words meet, with highlight ranges.
 * Words are found in the folded text, whose offsets equal the original's.
 */
export function makeSnippet(body: string, words: string[], width = 120): Snippet {
  const folded = foldForSearch(body);
  const hits: { start: number; end: number }[] = [];
  for (const word of words) {
    if (!word) continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      hits.push({ start: at, end: at + word.length });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const first = hits[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 4));
  let end = Math.min(body.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(body[start] ?? '')) start--;
  if (end < body.length && /[\ud800-\udbff]/.test(body[end - 1] ?? '')) end++;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < body.length ? '…' : '';
  const highlights = mergeOverlaps(hits.filter((h) => h.start >= start && h.end <= end)).map((h) => ({
    start: h.start - start + prefix.length,
    end: h.end - start + prefix.length,
  }));
  return { text: prefix + body.slice(start, end) + suffix, highlights };
}

function mergeOverlaps(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
