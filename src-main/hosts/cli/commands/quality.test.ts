import { describe, expect, it } from 'vitest';
import { UsageError, type CommandContext } from '../command';
import { qualityCommands as commands } from './quality';

function ctx(options: CommandContext['options'], args: string[] = []): CommandContext {
  return {
    cache: () => {
      throw new Error('mos does not use the database');
    },
    dbPath: ':memory:',
    resourcesDir: '/nonexistent',
    region: 'CN',
    args,
    options,
    stdin: async () => '',
  };
}

describe('mos', () => {
  it('prints MOS and R, in that order', () => {
    // L = 150 + 2×20 + 10 = 200; R = 93.2 − 8 − 2.5 = 82.7; MOS 4.12 (see e-model.test.ts)
    const result = commands.mos!.run(ctx({ 'rtt-ms': '150', 'jitter-ms': '20', 'loss-pct': '1' }));
    expect(JSON.stringify(result)).toBe('{"mos":4.12,"r":82.7}');
  });

  it('says which option is missing or wrong', () => {
    expect(() => commands.mos!.run(ctx({ 'rtt-ms': '150', 'jitter-ms': '20' }))).toThrow(new UsageError('mos needs --loss-pct N (a number from 0 to 100)'));
    expect(() => commands.mos!.run(ctx({ 'rtt-ms': 'fast', 'jitter-ms': '20', 'loss-pct': '1' }))).toThrow(/--rtt-ms must be a number from 0 to 60000 \(got "fast"\)/u);
    expect(() => commands.mos!.run(ctx({ 'rtt-ms': '150', 'jitter-ms': '-1', 'loss-pct': '1' }))).toThrow(/--jitter-ms must be a number/u);
    expect(() => commands.mos!.run(ctx({ 'rtt-ms': '150', 'jitter-ms': '20', 'loss-pct': '101' }))).toThrow(/--loss-pct must be a number from 0 to 100/u);
    expect(() => commands.mos!.run(ctx({ 'rtt-ms': '', 'jitter-ms': '20', 'loss-pct': '1' }))).toThrow(UsageError);
    expect(() => commands.mos!.run(ctx({ 'rtt-ms': '1', 'jitter-ms': '2', 'loss-pct': '1' }, ['extra']))).toThrow(UsageError);
  });
});
