/**
 * agent-desktop: the command line for administrators and benchmarks. Prints JSON on stdout; errors go to stderr
 * with a non-zero exit (2 for a usage mistake, 1 when the work failed).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../app/config';
import { openDatabase } from '../../services/db/database';
import type { CountryCode } from '../../../src-shared/phone';
import { commands, UsageError } from './commands';

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(48)} ${c.summary}`);
  return [
    'Usage: agent-desktop [--db PATH] COMMAND [ARGS]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    `  --db PATH        the SQLite cache (default: ${join(defaultDataDir(), 'cache.sqlite')})`,
    '  --region CC      default region for national numbers (default: CN)',
    '  --help           this text',
  ].join('\n');
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        region: { type: 'string', default: 'CN' },
        'customer-id': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`agent-desktop: ${(err as Error).message}\n\n${help()}\n`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  if (parsed.values.help || name === 'help' || name === undefined) {
    process.stdout.write(help() + '\n');
    return name === undefined && !parsed.values.help ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`agent-desktop: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  const region = parsed.values.region ?? 'CN';
  if (!/^[A-Z]{2}$/.test(region)) {
    process.stderr.write(`agent-desktop: --region must be a two-letter country code such as CN, TW or TH\n`);
    return 2;
  }
  const dbPath = parsed.values.db ?? join(defaultDataDir(), 'cache.sqlite');
  let db;
  try {
    db = openDatabase(dbPath);
  } catch (err) {
    process.stderr.write(`agent-desktop: cannot open the database ${dbPath}: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const result = command.run({ db, dbPath, region: region as CountryCode, args, options: parsed.values });
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`agent-desktop ${name}: ${(err as Error).message}\n`);
    return err instanceof UsageError ? 2 : 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
