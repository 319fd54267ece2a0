import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../services/db/migrations';
import { AgentDesktop } from './agent-desktop';
import { AppConfig } from './config';
import type { Logger } from './logger';

describe('AgentDesktop opening a knowledge base from before the search index', () => {
  it('indexes it (inline without a worker, as the CLI and tests run) and logs how many articles', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'app-kb-'));
    const old = new Database(join(dataDir, 'cache.sqlite'));
    for (const m of migrations.slice(0, 3)) m.up(old);
    old.pragma('user_version = 3');
    old.prepare("INSERT INTO kb_articles (external_id, locale, title, body, tags, updated_at) VALUES ('kb-1', 'en', 'Refund timeline', 'Five business days', '[]', 1)").run();
    old.close();
    const logged: { message: string; fields?: object }[] = [];
    const record = (message: string, fields?: object) => void logged.push({ message, fields });
    const logger: Logger = { info: record, warn: record, error: record };
    const app = new AgentDesktop({
      config: AppConfig.parse({}),
      dataDir,
      host: 'web',
      version: 'test',
      demo: false,
      sipPassword: null,
      logger,
      importWorker: null,
      media: 'plain',
    });
    try {
      await expect.poll(() => logged.map((l) => l.message)).toContain('knowledge base indexed for search');
      expect(logged.find((l) => l.message === 'knowledge base indexed for search')!.fields).toEqual({ articles: 1 });
      expect(app.cache.kbSearch.search('refund', { locale: 'en' }).map((h) => h.id)).toEqual(['kb-1']);
    } finally {
      await app.stop();
    }
  });
});
