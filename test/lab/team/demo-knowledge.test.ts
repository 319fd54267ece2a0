import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DemoTeamServer } from '../../../src-main/app/demo-team-server';
import type { Logger } from '../../../src-main/app/logger';
import { ROOT } from './team-lab';

// Demo mode's team server (real PostgreSQL, a real server process): the sample knowledge base is published
// through it, as an admin would (the desktops pull it like any published knowledge).
const lines: { message: string; fields?: Record<string, unknown> }[] = [];
const logger: Logger = { info: (message, fields) => lines.push({ message, fields }), warn: (message, fields) => lines.push({ message, fields }), error: () => undefined };
const demo = new DemoTeamServer(ROOT, mkdtempSync(join(tmpdir(), 'demo-knowledge-')), logger);
afterAll(() => demo.stop());

describe('demo team server', () => {
  it('publishes the sample knowledge base, every article of every language', async () => {
    await demo.start('1001');
    const published = lines.filter((l) => l.message === 'demo: sample knowledge published on the team server').map((l) => l.fields);
    expect(published).toEqual(
      ['en.jsonl', 'th.jsonl', 'zh-CN.jsonl', 'zh-TW.jsonl'].map((file) => ({ file, published: 47, unchanged: 0, rejected: 0 })),
    );
  }, 60_000);
});
