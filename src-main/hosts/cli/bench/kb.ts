import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CommandContext } from '../command';
import { hurriedQueries, labelledQueries, sampleArticles, syntheticArticles, workloadQueries, type LabelledQuery } from './kb-corpus';
import { flexSearch, miniSearch, ourSearch, segmentOnce, type KbEngine } from './kb-engines';
import { percentile, round, timeMs } from './stats';

// Index memory is measured as heap after a full collection.
setFlagsFromString('--expose-gc');
(globalThis as { gc?: unknown }).gc ??= runInNewContext('gc');

const CORPUS = { small: 10_000, full: 100_000 };
const QUERIES = 1_200;
const LIMIT = 5;

/** Share of a query set whose top 5 holds a relevant article, and the queries that missed. */
function recall(engine: KbEngine, queries: LabelledQuery[]): { recall: number; missed: string[] } {
  const missed: string[] = [];
  for (const q of queries) {
    const top = engine.search(q.query, q.locale, LIMIT);
    if (!q.relevant.some((id) => top.includes(id))) missed.push(`${q.locale}:${q.query}`);
  }
  return { recall: round((queries.length - missed.length) / queries.length), missed };
}

/**
 * Knowledge-base search against MiniSearch and FlexSearch over the same corpus and the same segmentation:
 * query latency, index build time and size, and recall@5 on the labelled query set.
 */
export function benchKb(ctx: CommandContext, scale: 'small' | 'full') {
  const samples = sampleArticles(ctx.resourcesDir);
  const corpus = [...samples, ...syntheticArticles(samples, CORPUS[scale] - samples.length)];
  const labelled = labelledQueries(ctx.resourcesDir);
  const hurried = hurriedQueries(ctx.resourcesDir);
  const queries = workloadQueries(samples, labelled, QUERIES);
  const segmentationMs = timeMs(() => {
    for (const a of corpus) for (const text of [a.title, a.body, a.tags.join(' ')]) segmentOnce(text);
  });
  const engines: KbEngine[] = [ourSearch(), miniSearch(), miniSearch({ fuzzy: true }), flexSearch()];
  const results = engines.map((engine) => {
    const buildMs = timeMs(() => engine.build(corpus));
    // Warm up, then time every query once.
    for (const q of queries.slice(0, 50)) engine.search(q.query, q.locale, LIMIT);
    const latencies = queries.map((q) => timeMs(() => engine.search(q.query, q.locale, LIMIT)));
    const onLabelled = recall(engine, labelled);
    const onHurried = recall(engine, hurried);
    const figures = {
      engine: engine.name,
      queryMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)) },
      buildSeconds: round(buildMs / 1000, 2),
      indexMiB: round(engine.indexBytes() / 1048576, 1),
      recallAt5: onLabelled.recall,
      hurriedRecallAt5: onHurried.recall,
      missedLabelled: onLabelled.missed.slice(0, 20),
      missedHurried: onHurried.missed.slice(0, 40),
    };
    engine.close();
    return figures;
  });
  const ours = results[0]!;
  const bestPeerRecall = Math.max(...results.slice(1).map((r) => r.recallAt5));
  const bestPeerHurried = Math.max(...results.slice(1).map((r) => r.hurriedRecallAt5));
  return {
    benchmark: 'kb',
    scale,
    articles: corpus.length,
    queries: queries.length,
    segmentationSeconds: round(segmentationMs / 1000, 2),
    labelledQueries: labelled.length,
    hurriedQueries: hurried.length,
    results,
    goals: {
      p95AtMost5ms: { value: ours.queryMs.p95, met: ours.queryMs.p95 <= 5 },
      recallAtLeastBestPeer: { value: ours.recallAt5, bestPeer: bestPeerRecall, met: ours.recallAt5 >= bestPeerRecall },
      hurriedRecallAheadOfEveryPeer: { value: ours.hurriedRecallAt5, bestPeer: bestPeerHurried, met: ours.hurriedRecallAt5 > bestPeerHurried },
    },
  };
}
