import { UsageError, type Command } from '../command';
import { benchmarks } from '../bench';

export const benchCommands: Record<string, Command> = {
  bench: {
    usage: `bench <${Object.keys(benchmarks).join('|') || 'AREA'}> --json [--scale small|full]`,
    summary: 'run a benchmark and print its figures as JSON',
    options: ['scale'],
    booleanOptions: ['json'],
    run: async (ctx) => {
      const area = ctx.args[0];
      const benchmark = area ? benchmarks[area] : undefined;
      if (!benchmark) throw new UsageError(`bench needs one of: ${Object.keys(benchmarks).join(', ') || '(none yet)'}`);
      const scale = ctx.options.scale ?? 'small';
      if (scale !== 'small' && scale !== 'full') throw new UsageError('--scale must be small or full');
      return benchmark(ctx, scale);
    },
  },
};
