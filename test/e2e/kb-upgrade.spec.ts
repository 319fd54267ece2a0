import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { Cache } from '../../src-main/services/db/cache';
import { migrations } from '../../src-main/services/db/migrations';
import { importInWorker } from '../../src-main/services/importers/import-job';

/** A knowledge base written by a version before the search index (schema 3, FTS5): 300 articles. */
function oldDatabase(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kb-upgrade-')), 'cache.sqlite');
  const db = new Database(path);
  for (const m of migrations.slice(0, 3)) m.up(db);
  db.pragma('user_version = 3');
  const insert = db.prepare("INSERT INTO kb_articles (external_id, locale, title, body, tags, updated_at) VALUES (?, ?, ?, ?, '[]', 1)");
  for (let i = 0; i < 300; i++) insert.run(`kb-${i}`, i % 2 ? 'zh-TW' : 'th', i % 2 ? `客訴處理 ${i}` : `การคืนเงิน ${i}`, i === 7 ? '退款進度查詢' : '請先向客戶道歉');
  db.close();
  return path;
}

// Not a browser test: the built import worker (out/main/import-worker.js, which only exists after the build)
// indexes an upgraded database off the main thread, as the app does when it opens one.
test('a database from before the search index is indexed by the built import worker', async () => {
  const path = oldDatabase();
  const before = new Cache(path);
  expect(before.kb.needsIndexing()).toBe(true);
  expect(before.kbSearch.search('退款', { locale: 'zh-TW' })).toEqual([]);
  before.close();

  const result = await importInWorker(resolve('out/main/import-worker.js'), { kind: 'kb-index', dbPath: path });
  expect(result).toEqual({ imported: 0, updated: 300, rejected: [] });

  const after = new Cache(path);
  expect(after.kb.needsIndexing()).toBe(false);
  expect(after.kbSearch.search('退款', { locale: 'zh-TW' }).map((h) => h.id)).toEqual(['kb-7']);
  expect(after.kbSearch.search('客诉', { locale: 'zh-TW', limit: 100 })).toHaveLength(100);
  after.close();
});

