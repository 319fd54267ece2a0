/** An article found by one pass of a search (the query as typed, a synonym variant, its character pairs). */
export interface Ranked {
  articleId: number;
  score: number;
  /** 0 when the article holds every term, 1 when only some. */
  tier: 0 | 1;
}

/**
 * What another pass's article must score to enter the top `limit` of those found so far: once `limit` of them
 * hold every term, the lowest of those; before that, nothing (a pass may still add articles holding every term,
 * which rank above any holding some). An article scoring below it can neither enter nor move the top `limit`.
 */
export function scoreToBeat(found: Map<number, Ranked>, limit: number): number {
  const scores: number[] = [];
  for (const r of found.values()) if (r.tier === 0) scores.push(r.score);
  if (scores.length < limit) return Number.NEGATIVE_INFINITY;
  return scores.sort((a, b) => b - a)[limit - 1]!;
}

/** The `size` best articles offered, by score, ties to the older article (lower id); kept best first. */
export class TopScores {
  readonly best: { id: number; score: number }[] = [];

  constructor(private readonly size: number) {}

  offer(id: number, score: number): void {
    const { best, size } = this;
    const below = (at: { id: number; score: number }) => at.score < score || (at.score === score && at.id > id);
    if (size <= 0 || (best.length === size && !below(best[size - 1]!))) return;
    let at = best.length;
    while (at > 0 && below(best[at - 1]!)) at--;
    best.splice(at, 0, { id, score });
    if (best.length > size) best.pop();
  }
}

/** Article ids in ascending order as a typed array (most often they come so: then no sort). */
export function ascending(ids: number[]): Int32Array {
  const out = Int32Array.from(ids);
  for (let i = 1; i < out.length; i++) if (out[i - 1]! > out[i]!) return out.sort();
  return out;
}
