import type { Db } from '../../services/db/database';
import { schemaVersion } from '../../services/db/database';
import { CustomersRepo } from '../../services/customers/customers-repo';
import { ScreenPopService } from '../../services/screen-pop/screen-pop';
import type { CountryCode } from '../../../src-shared/phone';

export interface CommandContext {
  db: Db;
  dbPath: string;
  region: CountryCode;
  args: string[];
  options: Record<string, string | boolean | undefined>;
}

export interface Command {
  usage: string;
  summary: string;
  run(ctx: CommandContext): unknown;
}

export class UsageError extends Error {}

/** Every subcommand prints one JSON document on stdout. Later features add theirs here. */
export const commands: Record<string, Command> = {
  info: {
    usage: 'info',
    summary: 'where the database is, its schema version and what it holds',
    run: ({ db, dbPath }) => ({
      db: dbPath,
      schemaVersion: schemaVersion(db),
      customers: (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n,
    }),
  },
  lookup: {
    usage: 'lookup NUMBER [--customer-id ID] [--region CC]',
    summary: 'the screen pop for a caller number in any shape (+86 138…, 0138…, sip:/tel: URIs)',
    run: ({ db, region, args, options }) => {
      const number = args[0];
      if (!number) throw new UsageError('lookup needs the caller number, e.g. agent-desktop lookup "+86 138 1234 5678"');
      const customerId = typeof options['customer-id'] === 'string' ? options['customer-id'] : null;
      return new ScreenPopService(new CustomersRepo(db), region).lookup(number, customerId);
    },
  },
};
