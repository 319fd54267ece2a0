import type { Command } from './command';
import { benchCommands } from './commands/bench';
import { cacheCommands } from './commands/cache';
import { generateCommands } from './commands/generate';
import { kbCommands } from './commands/kb';
import { planningCommands } from './commands/planning';
import { qualityCommands } from './commands/quality';
import { replyCommands } from './commands/replies';

/** Every subcommand prints one JSON document on stdout. Each feature adds its own map of commands here. */
export const commands: Record<string, Command> = {
  ...cacheCommands,
  ...kbCommands,
  ...generateCommands,
  ...replyCommands,
  ...planningCommands,
  ...benchCommands,
  ...qualityCommands,
};
