import { MAX_PUBLISH, type KnowledgeKind } from '../../../src-shared/sync/knowledge-contract';
import type { TeamClient } from './team-client';

/** A publish request stays well under the server's limit for one (PUBLISH_BODY_LIMIT, 4 MiB). */
const BATCH_BYTES = 2 * 1024 * 1024;

export interface PublishSummary {
  published: number;
  unchanged: number;
  /** By the line of the file each record came from. */
  rejected: { line: number; reason: string }[];
}

/**
 * Publishes records already checked by the importer (each with its file line) in batches of at most MAX_PUBLISH
 * records and about BATCH_BYTES; the server checks each again and names the bad ones, mapped back to their lines.
 */
export async function publishRecords(
  client: Pick<TeamClient, 'publishKnowledge'>,
  kind: KnowledgeKind,
  rows: readonly { line: number; row: unknown }[],
  onProgress?: (done: number) => void,
): Promise<PublishSummary> {
  const summary: PublishSummary = { published: 0, unchanged: 0, rejected: [] };
  for (const batch of batches(rows)) {
    const result = await client.publishKnowledge({ kind, records: batch.map((r) => r.row) });
    summary.published += result.published;
    summary.unchanged += result.unchanged;
    for (const r of result.rejected) summary.rejected.push({ line: batch[r.index]?.line ?? 0, reason: r.reason });
    onProgress?.(summary.published + summary.unchanged + summary.rejected.length);
  }
  return summary;
}

function* batches<T extends { row: unknown }>(rows: readonly T[]): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for (const r of rows) {
    const size = Buffer.byteLength(JSON.stringify(r.row));
    if (batch.length && (batch.length === MAX_PUBLISH || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(r);
    bytes += size;
  }
  if (batch.length) yield batch;
}
