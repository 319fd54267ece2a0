import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { parseSearchQuery, type QueryTerm, type SearchQuery } from '../../../src-shared/text/search-query';
import { BEST_POSTINGS, KbIndex, type IndexTerm } from './kb-index';
import { ascending, indexOf, rankFromBest, scoreToBeat, TopScores, type Ranked, type ScoredWord } from './kb-ranking';
import { SearchReads } from './kb-search-reads';
import { KbSynonyms, shippedSynonyms, synonymFileBeside } from './kb-synonyms';
import { KbVocabulary } from './kb-vocabulary';
import { makeSnippet, type Snippet } from './snippet';

export interface KbHit {
  id: string;
  locale: Locale;
  title: string;
  category: string | null;
  snippet: Snippet;
  /** bm25 with the title weighted up; higher is better. */
  score: number;
}

export interface KbSearchOptions {
  locale?: Locale | null;
  limit?: number;
}

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'th', 'en'];
/** A word in more than this share of the scope's articles is too common to search on when others are given. */
const COMMON_SHARE = 0.5;
/** A half-typed word stands for at most this many indexed words starting with it, the most used first. */
const COMPLETIONS = 16;
/** What a completion's match is worth against the whole word typed (scaled by how much of it was typed). */
const COMPLETION_WEIGHT = 0.5;
/** A query whose words find fewer articles than this (holding them all) is also read another way. */
const FEW = 3;
/** What an article found through the query's Chinese character pairs is worth against one found by its words. */
const PAIRS_WEIGHT = 0.9;
/** What an article found through a synonym is worth against one found by the words typed. */
const SYNONYM_WEIGHT = 0.8;
/** What a corrected word's match is worth against the word typed right, per edit (1 edit, 2 edits). */
const CORRECTION_WEIGHT = [1, 0.45, 0.3];

/** A query term and the indexed words it stands for, each with what its match is worth (1 unless corrected). */
interface Slot {
  term: QueryTerm;
  words: IndexTerm[];
  worth?: number[];
}

const THAI = /^\p{Script=Thai}+$/u;

interface Row {
  external_id: string;
  locale: Locale;
  title: string;
  body: string;
  category: string | null;
}

/** An article's score over every query term (its best completion of each), from the terms' full postings. */
function scoreOf(slots: ScoredWord[][], id: number, replaced: Set<number>): number {
  let total = 0;
  for (const slot of slots) {
    let top = 0;
    for (const { postings, factor } of slot) {
      const at = replaced.has(id) ? -1 : indexOf(postings.ids, id);
      const weight = at !== -1 ? postings.weights[at]! : postings.newer.find(([n]) => n === id)?.[1];
      if (weight !== undefined) top = Math.max(top, factor * weight);
    }
    total += top;
  }
  return total;
}

/** The best `limit` of candidates by score (ties: the older article first). */
function best(candidates: Iterable<number>, score: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (const id of candidates) {
    const s = score[id]!;
    const last = top[limit - 1];
    // A tie with the last kept goes to the older article whichever was seen first, as in the shortcut's TopScores.
    if (last !== undefined && (s < score[last]! || (s === score[last]! && id > last))) continue;
    let at = top.length;
    while (at > 0 && (score[top[at - 1]!]! < s || (score[top[at - 1]!]! === s && top[at - 1]! > id))) at--;
    top.splice(at, 0, id);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * Knowledge-base search for an agent mid-call: Chinese, Thai and English words found by Intl.Segmenter,
 * simplified and traditional alike, the last word as a prefix; articles holding every word first, ranked by
 * bm25 (title weighted up), then articles holding some of them to fill the list.
 *
 * Each term's postings come from KbIndex with their bm25 weight precomputed, so ranking is a sum over typed
 * arrays: a word in 50,000 articles costs well under a millisecond.
 */
export class KbSearch {
  private readonly index: KbIndex;
  private readonly vocabulary: KbVocabulary;
  /** The everyday words table (a lead adds to it with `agent-desktop import synonyms FILE`). */
  readonly synonyms: KbSynonyms;
  private readonly article;
  private readonly lastArticleId;
  private readonly inSnapshot;
  private score = new Float64Array(0);
  private part = new Float64Array(0);
  private matched = new Uint8Array(0);
  private mark = new Int32Array(0);
  private pass = 0;

  constructor(db: Db, synonyms?: KbSynonyms) {
    this.index = new KbIndex(db);
    this.vocabulary = new KbVocabulary(db);
    this.synonyms = synonyms ?? new KbSynonyms(shippedSynonyms(), synonymFileBeside(db.name));
    this.article = db.prepare<[number], Row>('SELECT external_id, locale, title, body, category FROM kb_articles WHERE id = ?');
    this.lastArticleId = db.prepare<[], number>('SELECT ifnull(max(id), 0) FROM kb_articles').pluck();
    // A search reads the rewritten articles, then terms, postings and articles in many statements; an import's
    // merge committing between them (its batches are short so filing never waits) would show a mix of before and
    // after, losing or doubling articles. One read transaction: every statement sees one snapshot (WAL: no
    // writer waits for it).
    this.inSnapshot = db.transaction((query: string, options: KbSearchOptions) => this.searchSnapshot(query, options));
  }

  /** Reads what typo matching needs (every language's words) now, e.g. after an import, not on the next search. */
  warm(): void {
    for (const locale of LOCALES) this.vocabulary.warm(locale);
  }

  search(query: string, options: KbSearchOptions = {}): KbHit[] {
    return this.inSnapshot(query, options);
  }

  private searchSnapshot(query: string, options: KbSearchOptions): KbHit[] {
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
    const parsed = parseSearchQuery(query, options.locale);
    if (!parsed) return [];
    const reads = new SearchReads(this.index, this.index.replaced());
    const words = new Set(parsed.words);
    const ranked = (options.locale ? [options.locale] : LOCALES)
      .flatMap((locale) => this.rankVariants(parsed, locale, limit, reads, words))
      .sort((a, b) => a.tier - b.tier || b.score - a.score)
      .slice(0, limit);
    return ranked.map(({ articleId, score }) => {
      const r = this.article.get(articleId)!;
      return { id: r.external_id, locale: r.locale, title: r.title, category: r.category, snippet: makeSnippet(r.body, [...words]), score };
    });
  }

  /**
   * The query as typed, and as the customer's everyday words say it in the article's words (the synonym table):
   * an article found by a synonym ranks just below one found by the words typed. `words` gathers what to
   * highlight (corrections and synonyms included).
   */
  private rankVariants(parsed: SearchQuery, locale: Locale, limit: number, reads: SearchReads, words: Set<string>): Ranked[] {
    const { terms } = parsed;
    const best = new Map<number, Ranked>();
    const keep = (found: Ranked[], worth: number) => {
      for (const r of found) {
        const score = r.score * worth;
        const had = best.get(r.articleId);
        if (!had || r.tier < had.tier || (r.tier === had.tier && score > had.score)) best.set(r.articleId, { ...r, score });
      }
    };
    keep(this.rank(terms, locale, limit, reads, words).hits, 1);
    for (const variant of this.synonyms.variants(terms, locale)) {
      const { hits, found } = this.rank(variant, locale, limit, reads, words, scoreToBeat(best, limit) / SYNONYM_WEIGHT);
      if (found) for (const t of variant) words.add(t.text);
      keep(hits, SYNONYM_WEIGHT);
    }
    // The segmenter may cut a Chinese phrase where the article's words do not (补开发票 → 补 开发 票): when its cut
    // finds little, the phrase's character pairs are searched too (the index holds pairs of characters it did not
    // know as words), ranked a little below.
    const literalHits = [...best.values()].filter((r) => r.tier === 0).length;
    if (parsed.hanRuns.length > 0 && literalHits < Math.min(limit, FEW)) {
      const pairs = this.characterPairs(parsed, locale, reads);
      if (pairs) {
        const { hits, found } = this.rank(pairs, locale, limit, reads, words);
        if (found) for (const t of pairs) words.add(t.text);
        keep(hits, PAIRS_WEIGHT);
      }
    }
    return [...best.values()];
  }

  /** The query with its Chinese read as character pairs the index knows (others dropped), or null when none is. */
  private characterPairs(parsed: SearchQuery, locale: Locale, reads: SearchReads): QueryTerm[] | null {
    const pairs = new Set<string>();
    for (const run of parsed.hanRuns) {
      const chars = [...run];
      for (let i = 1; i < chars.length; i++) pairs.add(chars[i - 1]! + chars[i]!);
    }
    const known = [...pairs].filter((p) => reads.lookup(locale, p));
    if (known.length === 0) return null;
    const others = parsed.terms.filter((t) => !/\p{Script=Han}/u.test(t.text));
    return [...known.map((text) => ({ text, prefix: false })), ...others];
  }

  /**
   * The query terms as searched in a locale, each with the indexed words it stands for: itself, or for a
   * half-typed word its completions; a Latin or Thai word the index does not know, the known words a slip of the
   * finger away (KbVocabulary), worth less than the word itself.
   */
  private slots(terms: QueryTerm[], locale: Locale, reads: SearchReads): Slot[] {
    const out: Slot[] = [];
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const literal = this.literalSlot(term, locale, reads);
      if (literal.words.length > 0) {
        out.push(literal);
        continue;
      }
      const corrected = this.corrected(terms, i, locale, out.at(-1), reads);
      if (corrected) {
        if (corrected.withBefore) out.pop();
        if (corrected.withAfter) i++;
        out.push(corrected.slot);
        continue;
      }
      out.push(...this.thaiHead(term, locale, reads));
    }
    return out;
  }

  /** A term as typed: the word itself, or a half-typed word's completions. */
  private literalSlot(term: QueryTerm, locale: Locale, reads: SearchReads): Slot {
    if (!term.prefix) {
      const found = reads.lookup(locale, term.text);
      return { term, words: found ? [found] : [] };
    }
    return { term, words: reads.completions(locale, term.text, COMPLETIONS) };
  }

  /**
   * A word the index does not know, matched to known words within a few edits. A typo in a Thai word often makes
   * the segmenter cut it in pieces ("ยกเลก" → "ยก" "เลก"): the piece joined to the one typed before or after it is
   * tried first, then the piece alone.
   */
  private corrected(
    terms: QueryTerm[],
    i: number,
    locale: Locale,
    before: Slot | undefined,
    reads: SearchReads,
  ): { slot: Slot; withBefore: boolean; withAfter: boolean } | null {
    const term = terms[i]!;
    const after = terms[i + 1];
    const thai = THAI.test(term.text);
    // One letter left over is not yet a word (as in parseSearchQuery): nothing to correct.
    if ([...term.text].length < 2) return null;
    // A known piece joined to the unknown one must stay as typed: the correction starts with it.
    const windows: { text: string; prefix: boolean; withBefore: boolean; withAfter: boolean; keep: string }[] = [];
    if (thai && term.glued && before && THAI.test(before.term.text) && !before.term.prefix && !before.worth) {
      const keep = before.words.length > 0 ? before.term.text : '';
      windows.push({ text: before.term.text + term.text, prefix: term.prefix, withBefore: true, withAfter: false, keep });
    }
    if (thai && after?.glued && THAI.test(after.text) && !reads.lookup(locale, after.text)) {
      windows.push({ text: term.text + after.text, prefix: after.prefix, withBefore: false, withAfter: true, keep: '' });
    }
    windows.push({ text: term.text, prefix: term.prefix, withBefore: false, withAfter: false, keep: '' });
    for (const w of windows) {
      const found = this.vocabulary
        .corrections(locale, w.text, w.prefix)
        .filter((c) => c.word.term.startsWith(w.keep) && c.word.term.length > w.keep.length);
      if (found.length === 0) continue;
      // A Thai "correction" spelled out by the pieces typed next is no typo, only the segmenter cutting it otherwise.
      let typed = (w.withBefore ? before!.term.text : '') + term.text;
      for (let k = i + 1; terms[k]?.glued; k++) typed += terms[k]!.text;
      if (thai && found.some((c) => c.word.term.length > w.text.length && typed.startsWith(c.word.term))) continue;
      return {
        slot: { term: { text: w.text, prefix: false }, words: found.map((c) => c.word), worth: found.map((c) => CORRECTION_WEIGHT[c.edits] ?? 0) },
        withBefore: w.withBefore,
        withAfter: w.withAfter,
      };
    }
    return null;
  }

  /**
   * A half-typed Thai word often defeats the segmenter, which then leaves it joined to the word before
   * ("เทิร์นเครื่"): when nothing starts with it, its longest indexed start is taken as a word of its own and the
   * rest completed.
   */
  private thaiHead(term: QueryTerm, locale: Locale, reads: SearchReads): Slot[] {
    if (!term.prefix || !THAI.test(term.text)) return [{ term, words: [] }];
    const chars = [...term.text];
    for (let cut = chars.length - 1; cut > 0; cut--) {
      const head = reads.lookup(locale, chars.slice(0, cut).join(''));
      if (!head) continue;
      const known: Slot = { term: { text: head.term, prefix: false }, words: [head] };
      // One typed letter is not yet a word to complete (as in parseSearchQuery).
      if (chars.length - cut < 2) return [known];
      const rest = { text: chars.slice(cut).join(''), prefix: true };
      return [known, { term: rest, words: reads.completions(locale, rest.text, COMPLETIONS) }];
    }
    return [{ term, words: [] }];
  }

  /**
   * The articles holding the terms, best first: up to `limit` holding them all, then some of them to fill up. With
   * `floor`, a pass whose best possible score (each term's highest weight) is below it is not ranked at all: it
   * could not reach the top `limit` (see scoreToBeat). `found` says whether it had any article (for highlighting).
   */
  private rank(
    terms: QueryTerm[],
    locale: Locale,
    limit: number,
    reads: SearchReads,
    words: Set<string>,
    floor = Number.NEGATIVE_INFINITY,
  ): { hits: Ranked[]; found: boolean } {
    const nothing = { hits: [], found: false };
    const total = reads.articleCount(locale);
    if (total === 0) return nothing;
    const { replaced } = reads;
    let slots = this.slots(terms, locale, reads);
    for (const slot of slots) if (slot.worth) for (const w of slot.words) words.add(w.term);
    // Words in most articles ("the", "客户", "ที่") rank nothing apart when the query has better ones, and summing
    // them over every article is most of a search's work: leave them out then.
    const articlesWith = (w: IndexTerm) => reads.articlesWith(w);
    const informative = slots.filter((s) => s.words.length === 0 || Math.max(...s.words.map(articlesWith)) <= total * COMMON_SHARE);
    if (informative.length > 0) slots = informative;
    const factorOf = (slot: Slot, word: IndexTerm, k: number) => {
      const df = Math.min(articlesWith(word), total);
      const typed = slot.term.prefix ? [...slot.term.text].length / [...word.term].length : 1;
      // A completion of a half-typed word counts for less the more of it the agent has not typed.
      return Math.log(1 + (total - df + 0.5) / (df + 0.5)) * (typed === 1 ? 1 : COMPLETION_WEIGHT * typed) * (slot.worth?.[k] ?? 1);
    };
    if (floor > 0 && replaced.size === 0) {
      // No article scores more than every term's highest weight: below the floor, reading the terms' postings and
      // ranking them would change nothing.
      let ceiling = 0;
      let found = false;
      for (const slot of slots) {
        let top = 0;
        slot.words.forEach((word, k) => {
          const weight = reads.topWeight(word.id);
          if (weight > 0) found = true;
          top = Math.max(top, factorOf(slot, word, k) * weight);
        });
        ceiling += top;
      }
      if (ceiling * (1 + 1e-9) < floor) return { hits: [], found };
    }
    // One term: its best postings hold the answer (an article's best completion is among that completion's best).
    const bestOnly = slots.length === 1 && replaced.size === 0 && limit <= BEST_POSTINGS;
    const scored = slots.map((slot) =>
      slot.words.map((word, k): ScoredWord => ({ id: word.id, postings: reads.postings(word.id, bestOnly ? 'best' : 'all'), factor: factorOf(slot, word, k) })),
    );
    const size = (slot: ScoredWord[]) => slot.reduce((n, w) => n + w.postings.ids.length + w.postings.newer.length, 0);
    const order = scored.map((_, i) => i).sort((x, y) => size(scored[x]!) - size(scored[y]!));
    const base = order.find((i) => scored[i]!.length > 0);
    if (base === undefined) return nothing;
    const fromBest = slots.length > 1 && replaced.size === 0 ? rankFromBest(scored, order, limit, reads, floor) : null;
    if (fromBest === 'below') return { hits: [], found: scored.some((slot) => slot.some((w) => w.postings.ids.length > 0)) };
    if (fromBest) return { hits: fromBest, found: true };

    this.ensure(this.lastArticleId.get()! + 1);
    const touched: number[] = [];
    // Every article of the smallest term, then each other term's weight for those articles only.
    const basePass = this.nextPass();
    for (const w of scored[base]!) this.accumulate(w, basePass, touched, replaced, null);
    const candidates = ascending(touched);
    for (const i of order) {
      if (i === base) continue;
      const pass = this.nextPass();
      for (const w of scored[i]!) this.accumulate(w, pass, touched, replaced, candidates);
    }

    const { score, matched } = this;
    const ranked: Ranked[] = best(
      touched.filter((id) => matched[id] === slots.length),
      score,
      limit,
    ).map((id) => ({ articleId: id, score: score[id]!, tier: 0 }));
    if (ranked.length < limit && slots.length > 1) {
      // To fill up: articles with some of the terms, from the smallest term's articles and every term's best.
      const filled = new TopScores(limit - ranked.length);
      for (const id of touched) if (matched[id]! < slots.length) filled.offer(id, score[id]!);
      const others = new Set<number>();
      for (const i of order) {
        if (i === base) continue;
        for (const w of scored[i]!) {
          for (const id of reads.postings(w.id, 'best').ids.subarray(0, limit)) if (matched[id] === 0 && !replaced.has(id)) others.add(id);
          for (const [id] of w.postings.newer) if (matched[id] === 0) others.add(id);
        }
      }
      for (const id of others) filled.offer(id, scoreOf(scored, id, replaced));
      for (const { id, score } of filled.best) ranked.push({ articleId: id, score, tier: 1 });
    }
    for (const id of touched) {
      score[id] = 0;
      matched[id] = 0;
    }
    return { hits: ranked, found: ranked.length > 0 };
  }

  /**
   * Adds one indexed word's weights: for every article holding it, or with `only`, for those articles only
   * (sorted ids, looked up in the word's sorted postings). An article counts once per query term, with its
   * best-scoring completion.
   */
  private accumulate(word: ScoredWord, pass: number, touched: number[], replaced: Set<number>, only: Int32Array | null): void {
    const { score, part, matched, mark } = this;
    const { factor, postings } = word;
    const visit = (id: number, weight: number) => {
      const value = factor * weight;
      if (mark[id] !== pass) {
        mark[id] = pass;
        part[id] = 0;
        if (matched[id] === 0) touched.push(id);
        matched[id] = matched[id]! + 1;
      }
      if (value > part[id]!) {
        score[id] = score[id]! + value - part[id]!;
        part[id] = value;
      }
    };
    const { ids, weights, newer } = postings;
    const live = (id: number) => replaced.size === 0 || !replaced.has(id);
    if (only === null) {
      for (let k = 0; k < ids.length; k++) if (live(ids[k]!)) visit(ids[k]!, weights[k]!);
      for (const [id, weight] of newer) visit(id, weight);
      return;
    }
    if (ids.length > 8 * only.length) {
      for (const id of only) {
        const at = indexOf(ids, id);
        if (at !== -1 && live(id)) visit(id, weights[at]!);
      }
    } else {
      for (let k = 0, j = 0; k < ids.length && j < only.length; ) {
        if (ids[k]! < only[j]!) k++;
        else if (ids[k]! > only[j]!) j++;
        else {
          if (live(ids[k]!)) visit(ids[k]!, weights[k]!);
          k++;
          j++;
        }
      }
    }
    for (const [id, weight] of newer) if (matched[id]! > 0) visit(id, weight);
  }

  /** Scratch arrays indexed by article id, zero between searches. */
  private ensure(capacity: number): void {
    if (this.score.length >= capacity) return;
    const size = Math.max(capacity, this.score.length * 2);
    this.score = new Float64Array(size);
    this.part = new Float64Array(size);
    this.matched = new Uint8Array(size);
    this.mark = new Int32Array(size);
    this.pass = 0;
  }

  private nextPass(): number {
    if (this.pass === 0x7fffffff) {
      this.mark.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}
