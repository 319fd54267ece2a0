import type { Postings } from './kb-index';
import type { SearchReads } from './kb-search-reads';

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

/** One indexed word of a query term: its postings and what a unit of their weight is worth (idf, completion). */
export interface ScoredWord {
  id: number;
  postings: Postings;
  factor: number;
}

/** Where an article is in sorted ids, or -1. */
export function indexOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The top `limit` articles holding every term, found from the terms' best postings alone when that is certain:
 * every article in any word's best postings is scored (looked up in the full postings, summed in the order
 * KbSearch.rank sums them, so the scores are the same to the bit), and when `limit` of them hold every term and
 * the last of those outscores the most an article in none of the best postings could have, they are the answer.
 * 'below' when no article holding every term reaches `floor` (see scoreToBeat). Else null (rank visits every
 * posting). Merged postings only.
 */
export function rankFromBest(scored: ScoredWord[][], order: number[], limit: number, reads: SearchReads, floor: number): Ranked[] | 'below' | null {
  const lists: Int32Array[] = [];
  let outside = 0;
  let visits = 0;
  for (const slot of scored) {
    let most = 0;
    for (const w of slot) {
      if (w.postings.newer.length > 0) return null;
      const top = reads.postings(w.id, 'best');
      // No best postings kept for a word that has postings: nothing here can bound it, so no shortcut.
      if (top.ids.length === 0 && w.postings.ids.length > 0) return null;
      lists.push(top.ids);
      // Outside its best postings, a word weighs at most its last best one.
      if (w.postings.ids.length > top.ids.length) most = Math.max(most, w.factor * top.weights[top.ids.length - 1]!);
      visits += w.postings.ids.length;
    }
    outside += most;
  }
  const words = scored.reduce((n, slot) => n + slot.length, 0);
  const offered = lists.reduce((n, list) => n + list.length, 0);
  // Looking every candidate up in every word (binary search) must cost well under visiting every posting.
  if (offered * words * 3 > visits) return null;
  const candidates = new Int32Array(offered);
  lists.reduce((at, list) => (candidates.set(list, at), at + list.length), 0);
  candidates.sort();
  const top = new TopScores(limit);
  for (let c = 0; c < candidates.length; c++) {
    const id = candidates[c]!;
    if (c > 0 && candidates[c - 1] === id) continue;
    let score = 0;
    let holdsAll = true;
    for (const i of order) {
      let part = 0;
      let holds = false;
      for (const { postings, factor } of scored[i]!) {
        const at = indexOf(postings.ids, id);
        if (at === -1) continue;
        holds = true;
        const value = factor * postings.weights[at]!;
        if (value > part) {
          score = score + value - part;
          part = value;
        }
      }
      if (!holds) {
        holdsAll = false;
        break;
      }
    }
    if (holdsAll) top.offer(id, score);
  }
  const margin = 1 + 1e-9;
  if (outside * margin < floor && (top.best.length === 0 || top.best[0]!.score * margin < floor)) return 'below';
  if (top.best.length < limit || top.best[limit - 1]!.score <= outside * margin) return null;
  return top.best.map(({ id, score }) => ({ articleId: id, score, tier: 0 }));
}
