import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HISTORY, DemoTeamServer } from '../../../src-main/app/demo-team-server';
import { ReportResult } from '../../../src-shared/reports/report-contract';
import type { Logger } from '../../../src-main/app/logger';
import { ROOT, signIn } from './team-lab';

// Demo mode's team server (real PostgreSQL, a real server process): the sample knowledge base is published
// through it, as an admin would (the desktops pull it like any published knowledge).
const lines: { message: string; fields?: Record<string, unknown> }[] = [];
const logger: Logger = { info: (message, fields) => lines.push({ message, fields }), warn: (message, fields) => lines.push({ message, fields }), error: () => undefined };
const demo = new DemoTeamServer(ROOT, mkdtempSync(join(tmpdir(), 'demo-knowledge-')), logger);
let teamUrl = '';
afterAll(() => demo.stop());

describe('demo team server', () => {
  it('publishes the sample knowledge base, every article of every language', async () => {
    teamUrl = (await demo.start('1001')).server;
    const published = lines.filter((l) => l.message === 'demo: sample knowledge published on the team server').map((l) => l.fields);
    expect(published).toEqual(
      ['en.jsonl', 'th.jsonl', 'zh-CN.jsonl', 'zh-TW.jsonl'].map((file) => ({ file, published: 47, unchanged: 0, rejected: 0 })),
    );
  }, 60_000);
});

describe('demo team server history', () => {
  it('holds a year of the demo floor for its lead\'s reports', async () => {
    await demo.history;
    const seeded = lines.find((l) => l.message === "demo: a year of the floor's history is on the team server");
    expect(seeded?.fields, JSON.stringify(lines.filter((l) => l.message.includes('history')))).toMatchObject({ calls: DEMO_HISTORY.calls });
    const { accessToken } = await signIn(teamUrl, '1001', demo.agentPassword);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const r = await fetch(`${teamUrl}/v1/reports`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ from: yearAgo, to: yesterday, scope: { kind: 'team' } }),
    });
    const report = ReportResult.parse(await r.json());
    expect(report.timeZone).toBe(DEMO_HISTORY.timeZone);
    // Inbound calls of the year are most of the seeded calls; every month has some, and the teammates are in it.
    expect(report.current.offered).toBeGreaterThan(DEMO_HISTORY.calls * 0.8);
    const months = new Set(report.daily.filter((d) => (d.figures.offered ?? 0) > 0).map((d) => d.day.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(report.perAgent.map((a) => a.agent)).toEqual(expect.arrayContaining(['1001', '1002', '1003', '1004']));
    expect(report.current.complaints).toBeGreaterThan(0);
    // Customers call about three times a year: some within a week (the seeder linked each call to the next).
    expect(report.current.fcrRate).toBeGreaterThan(0.8);
    expect(report.current.fcrRate).toBeLessThan(0.99);
  }, 120_000);
});
