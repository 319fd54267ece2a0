import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../db/database';
import { KbRepo, type KbArticle } from './kb-repo';

const SAMPLE_KB = fileURLToPath(new URL('../../../resources/sample/kb', import.meta.url));

/** The demo's 188 hand-written articles in four languages (resources/sample/kb), as a user would meet them. */
export function sampleKbArticles(): KbArticle[] {
  return readdirSync(SAMPLE_KB)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(SAMPLE_KB, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.parse(l) as { id: string; locale: KbArticle['locale']; title: string; body: string; tags?: string[]; category?: string })
    .map((a) => ({ externalId: a.id, locale: a.locale, title: a.title, body: a.body, tags: a.tags ?? [], category: a.category ?? null }));
}

/** A fresh cache file holding the sample articles, merged into the index as an import leaves them. */
export function sampleKbDb(): Db {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-sample-')), 'cache.sqlite'));
  const repo = new KbRepo(db);
  db.transaction(() => sampleKbArticles().forEach((a) => repo.upsert(a)))();
  repo.mergeIndex();
  return db;
}
