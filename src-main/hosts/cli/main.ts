/**
 * agent-desktop: the command line for administrators and benchmarks. Prints JSON on stdout; errors go to stderr
 * with a non-zero exit (2 for a usage mistake, 1 when the work failed).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../app/config';
import { Cache } from '../../services/db/cache';
import type { CountryCode } from '../../../src-shared/phone';
import { commands } from './registry';
import { UsageError } from './command';

const resourcesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');

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

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        region: { type: 'string', default: 'CN' },
        help: { type: 'boolean', short: 'h', default: false },
        ...commandOptions(),
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
  let cache: Cache | null = null;
  const ctx = {
    cache: () => {
      if (cache) return cache;
      cache = new Cache(dbPath);
      // A batch tool: a database written before the KB search index existed is indexed here and now.
      cache.kb.ensureIndexed();
      return cache;
    },
    dbPath,
    region: region as CountryCode,
    args,
    resourcesDir,
    options: parsed.values as Record<string, string | boolean | undefined>,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  try {
    const result = await command.run(ctx);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`agent-desktop ${name}: ${(err as Error).message}\n`);
    return err instanceof UsageError ? 2 : 1;
  } finally {
    (cache as Cache | null)?.close();
  }
}

/** Options any command declares, so parseArgs stays strict and a typo is an error, not ignored. */
function commandOptions(): Record<string, { type: 'string' | 'boolean' }> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const command of Object.values(commands)) {
    for (const name of command.options ?? []) options[name] = { type: 'string' };
    for (const name of command.booleanOptions ?? []) options[name] = { type: 'boolean' };
  }
  return options;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
