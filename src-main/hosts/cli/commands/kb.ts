import { Locale } from '../../../../src-shared/domain/screen-pop';
import { IMPORT_KINDS, importFile, type ImportKind } from '../../../services/importers/importer';
import { stringOption, UsageError, type Command, type CommandContext } from '../command';
import { isPublishOnly, PUBLISH_ONLY, publishFile, retireRecords } from './publish';

export function localeOption(ctx: CommandContext): Locale | null {
  const lang = stringOption(ctx, 'lang');
  if (lang === undefined) return null;
  const parsed = Locale.safeParse(lang);
  if (!parsed.success) throw new UsageError(`--lang must be one of ${Locale.options.join(', ')}`);
  return parsed.data;
}

export const kbCommands: Record<string, Command> = {
  import: {
    usage: `import <${[...IMPORT_KINDS, ...Object.keys(PUBLISH_ONLY)].join('|')}> FILE [--server URL --user NAME]`,
    summary: 'upsert records from JSON Lines or CSV (with --server: publish kb, templates, coach-rules, dispositions, reasons to the team server); bad rows are listed with line and reason',
    options: ['server', 'user'],
    run: (ctx) => {
      const [kind, path] = ctx.args;
      if (kind && path && isPublishOnly(kind)) {
        if (stringOption(ctx, 'server') === undefined) {
          throw new UsageError(`${kind} are published to the team server: add --server URL --user NAME (a desktop alone takes them from config.json and the shipped rules)`);
        }
        return publishFile(ctx, kind, path);
      }
      if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind) || !path) {
        throw new UsageError(`import needs a kind (${[...IMPORT_KINDS, ...Object.keys(PUBLISH_ONLY)].join(', ')}) and a file, e.g. agent-desktop import kb articles.jsonl`);
      }
      if (stringOption(ctx, 'server') !== undefined) return publishFile(ctx, kind as ImportKind, path);
      const result = importFile(ctx.cache(), kind as ImportKind, path, {
        region: ctx.region,
        onProgress: (p) => process.stderr.write(`\r${p.kind}: ${p.processed}/${p.total}`),
      });
      process.stderr.write('\n');
      return { imported: result.imported, updated: result.updated, rejected: result.rejected.map(({ line, reason }) => ({ line, reason })) };
    },
  },
  retire: {
    usage: 'retire <kb|templates|coach-rules|dispositions|reasons> ID... --server URL --user NAME [--lang L]',
    summary: 'take published records off the team server and every desktop (records made with them keep their codes)',
    options: ['server', 'user', 'lang'],
    run: (ctx) => retireRecords(ctx),
  },
  search: {
    usage: 'search QUERY [--lang L] [--limit N]',
    summary: 'search the knowledge base (Chinese, Thai, English; the last word may be half-typed)',
    options: ['lang', 'limit'],
    run: (ctx) => {
      const query = ctx.args.join(' ');
      const limitText = stringOption(ctx, 'limit') ?? '10';
      const limit = Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
      const hits = ctx.cache().kbSearch.search(query, { locale: localeOption(ctx), limit });
      return {
        results: hits.map((h) => ({ id: h.id, locale: h.locale, title: h.title, snippet: h.snippet.text, highlights: h.snippet.highlights, score: h.score })),
      };
    },
  },
};
