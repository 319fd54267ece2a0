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

const SENTENCE = /[^。！？.!?\n]+[。！？.!?]?/gu;

/**
 * `count` more articles in the samples' languages and proportions, each stitched from sentences of several sample
 * articles of its locale with a model name in the title: realistic words and lengths, deterministic for a seed.
 */
export function syntheticArticles(samples: KbArticle[], count: number, seed = 11): KbArticle[] {
  const r = seededRandom(seed);
  const byLocale = new Map<Locale, { article: KbArticle; sentences: string[] }[]>();
  for (const a of samples) {
    const list = byLocale.get(a.locale) ?? [];
    list.push({ article: a, sentences: a.body.match(SENTENCE) ?? [a.body] });
    byLocale.set(a.locale, list);
  }
  const locales = [...byLocale.keys()];
  const out: KbArticle[] = [];
  for (let i = 0; i < count; i++) {
    const locale = pick(r, locales);
    const pool = byLocale.get(locale)!;
    const base = pick(r, pool);
    const parts: string[] = [];
    for (let s = 0; s < 6; s++) parts.push(pick(r, pick(r, pool).sentences).trim());
    // A title of its own (the start of one of its sentences), so samples are not drowned by copies of their titles.
    const lead = parts[0]!.replace(/^[-\d.\s]+/, '');
    const title = locale === 'en' ? lead.split(/\s+/).slice(0, 5).join(' ') : [...lead].slice(0, 10).join('');
    out.push({
      externalId: `syn-${i}-${locale}`,
      locale,
      title: `${title} · L${100 + Math.floor(r() * 900)}`,
      body: parts.join(locale === 'en' ? ' ' : ''),
      tags: [],
      category: base.article.category,
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
