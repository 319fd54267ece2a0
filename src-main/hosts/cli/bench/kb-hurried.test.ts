import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hurriedQueries, labelledQueries, sampleArticles } from './kb-corpus';
import { miniSearch, ourSearch } from './kb-engines';

const resources = fileURLToPath(new URL('../../../../resources', import.meta.url));

// The bench's query sets over the 188 sample articles alone (the bench adds product pages around them).
describe('bench kb: the hurried query set', () => {
  const samples = sampleArticles(resources);
  const hurried = hurriedQueries(resources);
  const recall = (engine: ReturnType<typeof ourSearch>, queries: typeof hurried) =>
    queries.filter((q) => q.relevant.some((id) => engine.search(q.query, q.locale, 5).includes(id))).length / queries.length;

  it('holds at least 20 queries per language, each naming sample articles that exist', () => {
    const ids = new Set(samples.map((a) => a.externalId));
    for (const locale of ['zh-CN', 'zh-TW', 'th', 'en'] as const) expect(hurried.filter((q) => q.locale === locale).length).toBeGreaterThanOrEqual(20);
    for (const q of hurried) for (const id of q.relevant) expect(ids.has(id)).toBe(true);
  });

  it('is found better by our search than by MiniSearch with fuzzy and prefix on, and the labelled set no worse', () => {
    const ours = ourSearch();
    const peer = miniSearch({ fuzzy: true });
    ours.build(samples);
    peer.build(samples);
    const labelled = labelledQueries(resources);
    expect(recall(ours, hurried)).toBeGreaterThan(recall(peer, hurried));
    expect(recall(ours, hurried)).toBeGreaterThanOrEqual(0.9);
    expect(recall(ours, labelled)).toBeGreaterThanOrEqual(recall(peer, labelled));
    ours.close();
    peer.close();
  }, 60_000);
});
