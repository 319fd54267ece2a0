import { Worker } from 'node:worker_threads';
import type { CountryCode } from '../../../src-shared/phone';
import type { ImportKind, ImportProgress, ImportResult } from './importer';

export interface ImportJob {
  dbPath: string;
  kind: ImportKind;
  path: string;
  region: CountryCode;
}

/** Indexing a knowledge base written before the search index existed (see KbRepo.needsIndexing). */
export interface KbIndexJob {
  dbPath: string;
  kind: 'kb-index';
}

/** Folding articles pulled from the team server into the search index (KbRepo.mergeIndex). */
export interface KbMergeJob {
  dbPath: string;
  kind: 'kb-merge';
}

export type WorkerJob = ImportJob | KbIndexJob | KbMergeJob;

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; message: string };

/** Runs an import (or the KB's indexing) in a worker thread (the built import-worker.js) and reports its progress. */
export function importInWorker(workerScript: string, job: WorkerJob, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: job });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else {
        settled = true;
        if (message.type === 'done') resolve(message.result);
        else reject(new Error(message.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the import worker stopped with exit code ${code}`));
    });
  });
}
