/**
 * Optimal string alignment distance (Damerau–Levenshtein where a swapped pair of neighbours counts as one edit,
 * "refnud" → "refund"), over code points, giving up past `max`: returns max + 1 when the words are further apart.
 * With `prefix`, the distance from `typed` to the closest start of `known` (the agent is still typing it).
 */
export function editDistance(typed: string, known: string, max: number, prefix = false): number {
  return editDistanceOf([...typed], [...known], max, prefix);
}

/** editDistance over words already split into code points (the vocabulary keeps them so, to search fast). */
export function editDistanceOf(a: readonly string[], known: readonly string[], max: number, prefix = false): number {
  // Against a start of the known word, no more of it than the typed length and the edits allowed can matter.
  const b = prefix && known.length > a.length + max ? known.slice(0, a.length + max) : known;
  const m = a.length;
  const n = b.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  if (prefix && n < m - max) return max + 1;
  // Three rows: the one before last (for transpositions), the last and this one.
  let before = new Array<number>(n + 1).fill(0);
  let last = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    let lowest = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < lowest) lowest = d;
    }
    // Every later row is at least this row's lowest value.
    if (lowest > max) return max + 1;
    [before, last, row] = [last, row, before];
  }
  // `last` now holds the final row: typed against every start of known.
  if (!prefix) return Math.min(last[n]!, max + 1);
  let best = max + 1;
  for (let j = Math.max(0, m - max); j <= n; j++) best = Math.min(best, last[j]!);
  return best;
}

/**
 * How many edits a typed word may be from a known one: none below 4 characters (too many short words are one
 * letter apart), 1 up to 7, 2 beyond. Measured on the longer of the two, as a Thai vowel left out makes the typed
 * word the shorter.
 */
export function allowedEdits(typed: string, known?: string): number {
  const length = Math.max([...typed].length, known === undefined ? 0 : [...known].length);
  return length < 4 ? 0 : length <= 7 ? 1 : 2;
}
