import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticContacts, syntheticCustomers } from '../../../services/sample-data/synthetic';
import { sampleArticles, syntheticArticles } from '../bench/kb-corpus';
import { stringOption, UsageError, type Command, type CommandContext } from '../command';

function count(ctx: CommandContext, name: string, fallback: number): number {
  const value = Number(stringOption(ctx, name) ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 10_000_000) throw new UsageError(`--${name} must be a whole number up to 10,000,000`);
  return value;
}

export const generateCommands: Record<string, Command> = {
  generate: {
    usage: 'generate --out DIR [--customers N] [--contacts N] [--articles N] [--seed S]',
    summary: 'write deterministic synthetic customers, call history and KB articles as JSON Lines (for benchmarks)',
    options: ['out', 'customers', 'contacts', 'articles', 'seed'],
    run: (ctx) => {
      const out = stringOption(ctx, 'out');
      if (!out) throw new UsageError('generate needs --out DIR');
      const customers = count(ctx, 'customers', 200);
      const contacts = count(ctx, 'contacts', customers * 5);
      const seed = count(ctx, 'seed', 1);
      mkdirSync(out, { recursive: true });
      const lines = (rows: Iterable<object>) => Array.from(rows, (r) => JSON.stringify(r)).join('\n') + '\n';
      writeFileSync(join(out, 'customers-generated.jsonl'), lines(syntheticCustomers(customers, seed)));
      writeFileSync(join(out, 'contacts-generated.jsonl'), lines(syntheticContacts(contacts, customers, seed + 1)));
      const files = ['customers-generated.jsonl', 'contacts-generated.jsonl'];
      const articles = count(ctx, 'articles', 0);
      if (articles > 0) {
        const kb = syntheticArticles(sampleArticles(ctx.resourcesDir), articles, seed + 2);
        writeFileSync(
          join(out, 'kb-generated.jsonl'),
          lines(kb.map((a) => ({ id: a.externalId, locale: a.locale, title: a.title, body: a.body, tags: a.tags, category: a.category }))),
        );
        files.push('kb-generated.jsonl');
      }
      return { customers, contacts, articles, seed, files: files.map((f) => join(out, f)) };
    },
  },
};
