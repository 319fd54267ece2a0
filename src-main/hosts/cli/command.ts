import type { Cache } from '../../services/db/cache';
import type { CountryCode } from '../../../src-shared/phone';

export interface CommandContext {
  /** Opens the cache on first use: commands that do not need it never touch it. */
  cache(): Cache;
  dbPath: string;
  region: CountryCode;
  args: string[];
  options: Record<string, string | boolean | undefined>;
  /** The app's resources folder (sample data, reply data). */
  resourcesDir: string;
  /** Reads standard input (for TEXT "-"). */
  stdin(): Promise<string>;
}

export interface Command {
  usage: string;
  summary: string;
  /** Extra option names this command reads (all take a value unless listed in booleanOptions). */
  options?: string[];
  booleanOptions?: string[];
  run(ctx: CommandContext): unknown;
}

/** A mistake in how the command was called: exit code 2 and the usage text. */
export class UsageError extends Error {}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}
