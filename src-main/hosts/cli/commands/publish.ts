import { AppConfig } from '../../../app/config';
import { basename } from 'node:path';
import { checkFile, type ImportKind, type Rejected } from '../../../services/importers/importer';
import { readRecords } from '../../../services/importers/read-records';
import { publishRecords, type PublishSummary } from '../../../services/sync/knowledge-publish';
import { memoryTokenStore, TeamClient } from '../../../services/sync/team-client';
import { checkKnowledgeRecord, type KnowledgeKind } from '../../../../src-shared/sync/knowledge-contract';
import { UserName } from '../../../../src-shared/sync/contract';
import { Locale } from '../../../../src-shared/domain/screen-pop';
import { stringOption, UsageError, type CommandContext } from '../command';

/** What each import kind is on the team server; customers and call records stay on each desktop. */
export const PUBLISHED: Partial<Record<ImportKind, KnowledgeKind>> = { kb: 'article', templates: 'template' };

/**
 * Kinds that exist only on the team server: without one, a desktop takes them from config.json (agent) and the
 * shipped rules. JSON Lines (a coach rule a line, as a rule in resources/replies/rules; a code a line,
 * {"code":"system-down","labels":{"en":"System down"}}) or, for the codes, CSV with a code column.
 */
export const PUBLISH_ONLY = { 'coach-rules': 'coachRule', dispositions: 'disposition', reasons: 'notReadyReason' } as const satisfies Record<string, KnowledgeKind>;
export type PublishOnlyKind = keyof typeof PUBLISH_ONLY;
export const isPublishOnly = (kind: string): kind is PublishOnlyKind => Object.hasOwn(PUBLISH_ONLY, kind);

/** Reads a file of a server-only kind: each row checked as the server will check it (a rule by its own examples too). */
function checkPublishOnly(kind: PublishOnlyKind, path: string): { ready: { line: number; row: unknown }[]; rejected: Rejected[] } {
  const file = basename(path);
  const ready: { line: number; row: unknown }[] = [];
  const rejected: Rejected[] = [];
  for (const record of readRecords(path)) {
    if ('error' in record) {
      rejected.push({ file, line: record.line, reason: record.error });
      continue;
    }
    const checked = checkKnowledgeRecord(PUBLISH_ONLY[kind], record.fields);
    if (checked.ok) ready.push({ line: record.line, row: checked.record });
    else rejected.push({ file, line: record.line, reason: checked.reason });
  }
  return { ready, rejected };
}

/**
 * `agent-desktop --server URL --user NAME import kb FILE`: the file is read and checked by the importer, then
 * published in batches; the server checks each record again. The password comes from AGENT_DESKTOP_TEAM_PASSWORD
 * (taken out of the environment once read) or standard input, never from the command line.
 */
export async function publishFile(ctx: CommandContext, kind: ImportKind | PublishOnlyKind, path: string): Promise<PublishSummary> {
  const published = isPublishOnly(kind) ? PUBLISH_ONLY[kind] : PUBLISHED[kind];
  if (!published) {
    const kinds = [...Object.keys(PUBLISHED), ...Object.keys(PUBLISH_ONLY)].join(', ');
    throw new UsageError(`only ${kinds} are published to the team server; ${kind} are imported on each desktop`);
  }
  const connect = await publisher(ctx);
  const { ready, rejected } = isPublishOnly(kind) ? checkPublishOnly(kind, path) : checkFile(kind, path);
  const client = connect();
  try {
    const summary = await publishRecords(client, published, ready, (done) => process.stderr.write(`\r${kind}: ${done}/${ready.length} published`));
    if (ready.length) process.stderr.write('\n');
    summary.rejected.push(...rejected.map(({ line, reason }) => ({ line, reason })));
    summary.rejected.sort((a, b) => a.line - b.line);
    return summary;
  } finally {
    await client.signOut();
  }
}

/** The server and person from the options and the password (checked before any file is read); connect() signs in. */
async function publisher(ctx: CommandContext): Promise<() => TeamClient> {
  const server = AppConfig.shape.team.unwrap().unwrap().shape.server.safeParse(stringOption(ctx, 'server'));
  if (!server.success) throw new UsageError('--server must be an https:// address (http:// only on this computer)');
  const user = UserName.safeParse(stringOption(ctx, 'user'));
  if (!user.success) throw new UsageError('--server needs --user NAME: the team lead or admin who publishes');
  const password = await readPassword(ctx);
  return () => new TeamClient(server.data, user.data, memoryTokenStore(), password, 60_000);
}

const RETIRABLE: Record<string, KnowledgeKind> = { ...PUBLISHED, ...PUBLISH_ONLY };

/**
 * `agent-desktop --server URL --user NAME retire dispositions CODE…`: takes published records off every desktop
 * (kb and templates by id with --lang, coach rules by id, dispositions and reasons by code). Records made with them
 * before keep their codes; desktops keep the words for them.
 */
export async function retireRecords(ctx: CommandContext): Promise<{ retired: number; rejected: { id: string; reason: string }[] }> {
  const [kind, ...ids] = ctx.args;
  const published = kind ? RETIRABLE[kind] : undefined;
  if (!published || ids.length === 0) throw new UsageError(`retire needs a kind (${Object.keys(RETIRABLE).join(', ')}) and at least one id or code`);
  const lang = stringOption(ctx, 'lang');
  const locale = published === 'article' || published === 'template' ? Locale.safeParse(lang) : null;
  if (locale && !locale.success) throw new UsageError(`retiring ${kind} needs --lang (${Locale.options.join(', ')})`);
  const connect = await publisher(ctx);
  const client = connect();
  try {
    const retire = ids.map((id) => ({ id, locale: locale?.data ?? (published === 'coachRule' ? (id.split('.')[0] as Locale) : ('' as const)) }));
    const result = await client.publishKnowledge({ kind: published, retire });
    return { retired: result.retired, rejected: result.rejected.map((r) => ({ id: ids[r.index] ?? '', reason: r.reason })) };
  } finally {
    await client.signOut();
  }
}

async function readPassword(ctx: CommandContext): Promise<string> {
  const fromEnv = process.env.AGENT_DESKTOP_TEAM_PASSWORD;
  delete process.env.AGENT_DESKTOP_TEAM_PASSWORD;
  const password = fromEnv ?? (await ctx.stdin()).split('\n')[0]!.replace(/\r$/, '');
  if (!password) throw new UsageError('give the password in AGENT_DESKTOP_TEAM_PASSWORD or on standard input (never on the command line)');
  return password;
}
