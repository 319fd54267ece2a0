import { Locale } from '../../../../src-shared/domain/screen-pop';
import {
  fillTemplate,
  knownScenarios,
  latteCoverage,
  lintReply,
  searchTemplates,
  shippedTemplates,
  type PlaceholderData,
} from '../../../../src-shared/replies';
import { stringOption, UsageError, type Command, type CommandContext } from '../command';

function localeOption(ctx: CommandContext, name: string): Locale | undefined {
  const value = stringOption(ctx, name);
  if (value === undefined) return undefined;
  const parsed = Locale.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${name} must be one of ${Locale.options.join(', ')} (got "${value}")`);
  return parsed.data;
}

function requiredLocale(ctx: CommandContext, command: string): Locale {
  const locale = localeOption(ctx, 'lang');
  if (!locale) throw new UsageError(`${command} needs --lang, one of ${Locale.options.join(', ')}`);
  return locale;
}

function dataOption(ctx: CommandContext): PlaceholderData {
  const raw = stringOption(ctx, 'data');
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`--data must be JSON, e.g. '{"customer":{"name":"王小明"}}' (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError('--data must be a JSON object, e.g. \'{"customer":{"name":"王小明"},"order":{"id":"A123"}}\'');
  }
  return value as PlaceholderData;
}

export const replyCommands: Record<string, Command> = {
  'lint-reply': {
    usage: 'lint-reply --lang L [--ui-lang L] [--details] TEXT|-',
    summary: 'check a draft reply: LATTE steps covered, and negative phrasings with a better way to say them',
    options: ['lang', 'ui-lang'],
    booleanOptions: ['details'],
    run: async (ctx) => {
      const locale = requiredLocale(ctx, 'lint-reply');
      const uiLocale = localeOption(ctx, 'ui-lang') ?? locale;
      // "-" reads the draft from standard input; otherwise the words given, as the shell split them.
      const text = ctx.args.length === 1 && ctx.args[0] === '-' ? await ctx.stdin() : ctx.args.join(' ');
      if (text.trim() === '') throw new UsageError('lint-reply needs the draft as TEXT, or "-" to read it from standard input');
      const lint = lintReply(text, locale, { uiLocale });
      const result: Record<string, unknown> = {
        latte: latteCoverage(lint.latte),
        // start/end: UTF-16 code-unit offsets into TEXT, as JavaScript string indices count.
        findings: lint.findings.map(({ start, end, rule, message, suggestion }) => ({ start, end, rule, message, suggestion })),
      };
      if (ctx.options.details === true) result.details = lint;
      return result;
    },
  },
  templates: {
    usage: `templates [--lang L] [--scenario S] [--query WORDS]`,
    summary: 'list the canned replies, optionally by language, scenario or search words',
    options: ['lang', 'scenario', 'query'],
    run: (ctx) => {
      const locale = localeOption(ctx, 'lang');
      const scenario = stringOption(ctx, 'scenario');
      const all = shippedTemplates();
      if (scenario !== undefined && !all.some((t) => t.scenario === scenario)) {
        throw new UsageError(`--scenario must be one of ${knownScenarios.join(', ')} (got "${scenario}")`);
      }
      return searchTemplates(all, { locale, scenario, text: stringOption(ctx, 'query') }).map(({ id, locale, scenario, title, shortcut, body }) => ({
        id,
        locale,
        scenario,
        title,
        shortcut,
        body,
      }));
    },
  },
  render: {
    usage: 'render TEMPLATE_ID --lang L [--data JSON] [--ui-lang L]',
    summary: 'fill a canned reply from call data; gaps are listed and shown as [label], never as braces',
    options: ['lang', 'data', 'ui-lang'],
    run: (ctx) => {
      const id = ctx.args[0];
      if (!id) throw new UsageError('render needs a template id, e.g. agent-desktop render damaged-package --lang en');
      const locale = requiredLocale(ctx, 'render');
      const data = dataOption(ctx);
      const all = shippedTemplates();
      const template = all.find((t) => t.id === id && t.locale === locale);
      if (!template) {
        const ids = [...new Set(all.map((t) => t.id))];
        throw new UsageError(`no template "${id}" in ${locale}; templates: ${ids.join(', ')}`);
      }
      const filled = fillTemplate(template, data, localeOption(ctx, 'ui-lang') ?? locale);
      return { id: template.id, locale, title: template.title, ...filled };
    },
  },
};
