import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../../../src-shared/domain/screen-pop';
import type { KbArticle } from '../../../services/kb/kb-repo';
import { pick, seededRandom } from '../../../services/sample-data/synthetic';

export interface LabelledQuery {
  locale: Locale;
  query: string;
  relevant: string[];
  kind: string;
}

function jsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The hand-written sample articles (resources/sample/kb). */
export function sampleArticles(resourcesDir: string): KbArticle[] {
  const dir = join(resourcesDir, 'sample', 'kb');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => jsonLines<{ id: string; locale: Locale; title: string; body: string; tags?: string[]; category?: string }>(join(dir, f)))
    .map((a) => ({ externalId: a.id, locale: a.locale, title: a.title, body: a.body, tags: a.tags ?? [], category: a.category ?? null }));
}

export function labelledQueries(resourcesDir: string): LabelledQuery[] {
  return jsonLines<LabelledQuery>(join(resourcesDir, 'sample', 'kb-queries.jsonl'));
}

/**
 * Queries as a hurried agent types them (resources/sample/kb-queries-hurried.jsonl): a letter slipped or two
 * swapped, the customer's everyday words for the article's, Chinese the segmenter cuts otherwise, words cut off.
 */
export function hurriedQueries(resourcesDir: string): LabelledQuery[] {
  return jsonLines<LabelledQuery>(join(resourcesDir, 'sample', 'kb-queries-hurried.jsonl'));
}

const PRODUCTS = ['Lumen X5', 'Lumen X5 Pro', 'Lumen Tab 11', 'Lumen Buds 2', 'Lumen Watch 3', 'Lumen Router AX', 'Lumen Go SIM', 'Lumen Charger 65W'];
const MODEL_NOTES: Record<Locale, string> = { en: 'model notes', 'zh-CN': '机型说明', 'zh-TW': '機型說明', th: 'ข้อมูลรุ่น' };
const WORDS_PER_BODY = 150;
/** Share of a synthetic article's words that come from its topic article. */
const TOPIC_SHARE = 0.7;

/**
 * `count` more articles in the samples' languages and proportions, like the product pages that fill a large
 * knowledge base: a product and model in the title; a body on one topic, most of its words drawn from one sample
 * article (its topic) and the rest from all samples of its locale, at their real frequencies. A large KB has many
 * articles on each topic; no article copies a sample's sentences, so the labelled articles stay the right answers.
 * Every engine meets the same corpus. Deterministic for a seed.
 */
export function syntheticArticles(samples: KbArticle[], count: number, seed = 11): KbArticle[] {
  const r = seededRandom(seed);
  const words = new Map<Locale, string[]>();
  const topics = samples.map((a) => {
    const seg = new Intl.Segmenter(a.locale, { granularity: 'word' });
    const own = [...seg.segment(a.body)].filter((p) => p.isWordLike).map((p) => p.segment);
    words.set(a.locale, [...(words.get(a.locale) ?? []), ...own]);
    return { locale: a.locale, words: own };
  });
  const out: KbArticle[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(r, topics);
    const locale = topic.locale;
    const pool = words.get(locale)!;
    const body = Array.from({ length: WORDS_PER_BODY }, () => pick(r, r() < TOPIC_SHARE ? topic.words : pool)).join(
      locale === 'en' ? ' ' : '',
    );
    out.push({
      externalId: `syn-${i}-${locale}`,
      locale,
      title: `${pick(r, PRODUCTS)} L${100 + Math.floor(r() * 900)} ${MODEL_NOTES[locale]}`,
      body,
      tags: [],
      category: 'devices',
    });
  }
  return out;
}

/**
 * At least `count` queries of mixed languages and lengths: the labelled ones, then words and two-word phrases
 * drawn from the corpus, a third of them cut to a half-typed prefix.
 */
export function workloadQueries(samples: KbArticle[], labelled: LabelledQuery[], count: number, seed = 13): { locale: Locale; query: string }[] {
  const r = seededRandom(seed);
  const queries = labelled.map(({ locale, query }) => ({ locale, query }));
  const segmenters = new Map<Locale, Intl.Segmenter>();
  while (queries.length < count) {
    const a = pick(r, samples);
    const seg = segmenters.get(a.locale) ?? new Intl.Segmenter(a.locale, { granularity: 'word' });
    segmenters.set(a.locale, seg);
    const words = [...seg.segment(a.title + ' ' + a.body)].filter((s) => s.isWordLike).map((s) => s.segment);
    if (words.length < 3) continue;
    const at = Math.floor(r() * (words.length - 2));
    const n = 1 + Math.floor(r() * 2);
    const glue = a.locale === 'en' ? ' ' : '';
    let query = words.slice(at, at + n).join(glue);
    if (r() < 0.33 && query.length > 2) query = query.slice(0, Math.max(1, query.length - 1 - Math.floor(r() * 2)));
    queries.push({ locale: a.locale, query });
  }
  return queries;
}
