/**
 * Worker-thread entry for bulk imports: its own database connection, so the main thread (SIP signaling)
 * never waits on parsing, validation or index building.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Cache } from '../db/cache';
import { importFile } from './importer';
import type { WorkerJob, WorkerMessage } from './import-job';

const job = workerData as WorkerJob;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const cache = new Cache(job.dbPath);
try {
  const result =
    job.kind === 'kb-index'
      ? { imported: 0, updated: cache.kb.ensureIndexed(), rejected: [] }
      : job.kind === 'kb-merge'
        ? (cache.kb.mergeIndex(), { imported: 0, updated: 0, rejected: [] })
        : importFile(cache, job.kind, job.path, { region: job.region, onProgress: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'done', result });
} catch (err) {
  post({ type: 'failed', message: (err as Error).message });
} finally {
  cache.close();
}
