import { schemaVersion } from '../../../services/db/database';
import { ScreenPopService } from '../../../services/screen-pop/screen-pop';
import { stringOption, UsageError, type Command } from '../command';

export const cacheCommands: Record<string, Command> = {
  info: {
    usage: 'info',
    summary: 'where the database is, its schema version and what it holds',
    run: (ctx) => {
      const db = ctx.cache().db;
      return {
        db: ctx.dbPath,
        schemaVersion: schemaVersion(db),
        ...Object.fromEntries(
          ['customers', 'contacts', 'kb_articles', 'reply_templates', 'work_orders', 'follow_ups'].map((table) => [
            table,
            (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
          ]),
        ),
      };
    },
  },
  lookup: {
    usage: 'lookup NUMBER [--customer-id ID]',
    summary: 'the screen pop for a caller number in any shape (+86 138…, 0138…, sip:/tel: URIs)',
    options: ['customer-id'],
    run: (ctx) => {
      const number = ctx.args[0];
      if (!number) throw new UsageError('lookup needs the caller number, e.g. agent-desktop lookup "+86 138 1234 5678"');
      const cache = ctx.cache();
      return new ScreenPopService(cache, ctx.region).lookup(number, stringOption(ctx, 'customer-id') ?? null);
    },
  },
};
