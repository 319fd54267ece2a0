import { scoreCall } from '../../../../src-shared/quality/e-model';
import { stringOption, UsageError, type Command, type CommandContext } from '../command';

/** A required non-negative number option, with the range a real network can show. */
function measure(ctx: CommandContext, name: string, max: number): number {
  const raw = stringOption(ctx, name);
  if (raw === undefined) throw new UsageError(`mos needs --${name} N (a number from 0 to ${max})`);
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new UsageError(`--${name} must be a number from 0 to ${max} (got "${raw.slice(0, 40)}")`);
  }
  return value;
}

export const qualityCommands: Record<string, Command> = {
  mos: {
    usage: 'mos --rtt-ms N --jitter-ms N --loss-pct N',
    summary: 'estimate call quality (E-model, ITU-T G.107 simplified): prints {"mos":x,"r":x}',
    options: ['rtt-ms', 'jitter-ms', 'loss-pct'],
    run: (ctx) => {
      if (ctx.args.length > 0) throw new UsageError(`mos takes no arguments, only --rtt-ms, --jitter-ms and --loss-pct (got "${ctx.args[0]!.slice(0, 40)}")`);
      const { mos, r } = scoreCall({
        rttMs: measure(ctx, 'rtt-ms', 60_000),
        jitterMs: measure(ctx, 'jitter-ms', 60_000),
        lossPct: measure(ctx, 'loss-pct', 100),
      });
      return { mos, r };
    },
  },
};
