import type { Locale } from '../../../src-shared/domain/screen-pop';
import type { IndexTerm, KbIndex, Postings } from './kb-index';

/** How many articles hold a term, its replaced articles' old postings not counted. */
function liveCount(postings: Postings, replaced: Set<number>): number {
  let stale = 0;
  for (const id of postings.ids) if (replaced.has(id)) stale++;
  return postings.ids.length - stale + postings.newer.length;
}

/**
 * One search's reads of the index, each made once. The query as typed, its synonym variants and its character
 * pairs share most of their words (every variant of "退款时" completes 时 again): read and decoded once, not once a
 * pass. Lives for one search only, inside its read transaction, so it never outlives the snapshot it read.
 */
export class SearchReads {
  private readonly terms = new Map<string, IndexTerm | undefined>();
  private readonly starting = new Map<string, IndexTerm[]>();
  private readonly counts = new Map<Locale, number>();
  private readonly holding = new Map<number, number>();
  private readonly postingsRead = new Map<string, Postings>();

  constructor(
    private readonly index: KbIndex,
    /** Articles rewritten since the last merge (their merged postings are stale). */
    readonly replaced: Set<number>,
  ) {}

  lookup(locale: Locale, term: string): IndexTerm | undefined {
    const key = `${locale}\u0000${term}`;
    if (!this.terms.has(key)) this.terms.set(key, this.index.lookup(locale, term));
    return this.terms.get(key);
  }

  completions(locale: Locale, prefix: string, max: number): IndexTerm[] {
    const key = `${locale}\u0000${max}\u0000${prefix}`;
    let found = this.starting.get(key);
    if (!found) this.starting.set(key, (found = this.index.completions(locale, prefix, max)));
    return found;
  }

  articleCount(locale: Locale): number {
    let n = this.counts.get(locale);
    if (n === undefined) this.counts.set(locale, (n = this.index.articleCount(locale)));
    return n;
  }

  /** How many articles hold a word now (a rewritten article's stale posting not counted). */
  articlesWith(word: IndexTerm): number {
    let n = this.holding.get(word.id);
    if (n === undefined) {
      n = this.replaced.size === 0 ? this.index.articlesWith(word) : liveCount(this.postings(word.id, 'all'), this.replaced);
      this.holding.set(word.id, n);
    }
    return n;
  }

  postings(termId: number, which: 'all' | 'best'): Postings {
    const key = `${which}:${termId}`;
    let p = this.postingsRead.get(key);
    if (!p) this.postingsRead.set(key, (p = this.index.postings(termId, which)));
    return p;
  }

  /** A word's highest weight in any article (its best postings are best first). */
  topWeight(termId: number): number {
    const { weights, newer } = this.postings(termId, 'best');
    let top = weights.length > 0 ? weights[0]! : 0;
    for (const [, weight] of newer) if (weight > top) top = weight;
    return top;
  }
}
