import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, type CommandContext } from '../command';
import { planningCommands as commands } from './planning';

const dir = mkdtempSync(join(tmpdir(), 'planning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ctx(options: CommandContext['options']): CommandContext {
  return {
    cache: () => {
      throw new Error('planning commands do not use the database');
    },
    dbPath: ':memory:',
    resourcesDir: '/nonexistent',
    region: 'CN',
    args: [],
    options,
    stdin: async () => '',
  };
}

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('forecast command', () => {
  // 100 calls every day from 2025-03-01 to 2026-03-31: a month's volume is 100 × its days.
  const rows: string[] = [];
  for (let t = Date.UTC(2025, 2, 1); t <= Date.UTC(2026, 2, 31); t += 86_400_000) rows.push(`${new Date(t).toISOString().slice(0, 10)},100`);

  it('prints the month, the forecast and the monthly volumes it used', () => {
    const result = commands.forecast!.run(ctx({ daily: csv('flat.csv', ['date,calls', ...rows]) }));
    // 2026-04 from 2025-04 (30 days), 2026-01 (31), 2026-02 (28), 2026-03 (31).
    expect(result).toEqual({
      month: '2026-04',
      forecast: Math.round(3000 * 0.055 + 3100 * 0.185 + 2800 * 0.315 + 3100 * 0.445),
      months: { '2025-04': 3000, '2026-01': 3100, '2026-02': 2800, '2026-03': 3100 },
      removedDays: [],
    });
  });

  it('names the file and line of a bad row, and the month that is missing', () => {
    const bad = csv('bad.csv', ['date,calls', rows[0]!, '2025-03-02,lots', ...rows.slice(2)]);
    expect(() => commands.forecast!.run(ctx({ daily: bad }))).toThrow(`${bad}: line 3: calls must be a whole number of 0 or more (got "lots")`);
    const short = csv('short.csv', ['date,calls', ...rows]);
    expect(() => commands.forecast!.run(ctx({ daily: short, month: '2026-06' }))).toThrow(/needs every day of 2025-06, 2026-03, 2026-04, 2026-05; 2026-04 is missing 2026-04-01/);
    expect(() => commands.forecast!.run(ctx({}))).toThrow(UsageError);
    expect(() => commands.forecast!.run(ctx({ daily: join(dir, 'volumes.xlsx') }))).toThrow(/\.csv/);
  });
});

describe('staffing command', () => {
  it('prints agents, service level, occupancy and average speed of answer', () => {
    const result = commands.staffing!.run(
      ctx({ 'calls-per-hour': '200', 'aht-seconds': '180', 'target-service-level': '0.8', 'target-seconds': '20' }),
    ) as { agents: number; serviceLevel: number; occupancy: number; averageSpeedOfAnswerSeconds: number };
    expect(Object.keys(result)).toEqual(['agents', 'serviceLevel', 'occupancy', 'averageSpeedOfAnswerSeconds']);
    expect(result.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(result.occupancy).toBeCloseTo(10 / result.agents, 4);
  });

  it('a missing or non-numeric option is a usage error that names it', () => {
    expect(() => commands.staffing!.run(ctx({ 'calls-per-hour': '200' }))).toThrow('staffing needs --aht-seconds');
    expect(() =>
      commands.staffing!.run(ctx({ 'calls-per-hour': 'many', 'aht-seconds': '180', 'target-service-level': '0.8', 'target-seconds': '20' })),
    ).toThrow('--calls-per-hour must be a number (got "many")');
    expect(() =>
      commands.staffing!.run(ctx({ 'calls-per-hour': '200', 'aht-seconds': '180', 'target-service-level': '80', 'target-seconds': '20' })),
    ).toThrow(/between 0 and 1/);
  });
});
