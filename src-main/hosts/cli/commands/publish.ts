import { AppConfig } from '../../../app/config';
import { checkFile, type ImportKind } from '../../../services/importers/importer';
import { publishRecords, type PublishSummary } from '../../../services/sync/knowledge-publish';
import { memoryTokenStore, TeamClient } from '../../../services/sync/team-client';
import type { KnowledgeKind } from '../../../../src-shared/sync/knowledge-contract';
import { UserName } from '../../../../src-shared/sync/contract';
import { stringOption, UsageError, type CommandContext } from '../command';

/** What each import kind is on the team server; customers and call records stay on each desktop. */
export const PUBLISHED: Partial<Record<ImportKind, KnowledgeKind>> = { kb: 'article', templates: 'template' };

/**
 * `agent-desktop --server URL --user NAME import kb FILE`: the file is read and checked by the importer, then
 * published in batches; the server checks each record again. The password comes from AGENT_DESKTOP_TEAM_PASSWORD
 * (taken out of the environment once read) or standard input, never from the command line.
 */
export async function publishFile(ctx: CommandContext, kind: ImportKind, path: string): Promise<PublishSummary> {
  const published = PUBLISHED[kind];
  if (!published) throw new UsageError(`only ${Object.keys(PUBLISHED).join(' and ')} are published to the team server; ${kind} are imported on each desktop`);
  const server = AppConfig.shape.team.unwrap().unwrap().shape.server.safeParse(stringOption(ctx, 'server'));
  if (!server.success) throw new UsageError('--server must be an https:// address (http:// only on this computer)');
  const user = UserName.safeParse(stringOption(ctx, 'user'));
  if (!user.success) throw new UsageError('--server needs --user NAME: the team lead or admin who publishes');
  const password = await readPassword(ctx);

  const { ready, rejected } = checkFile(kind, path);
  const client = new TeamClient(server.data, user.data, memoryTokenStore(), password, 60_000);
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

async function readPassword(ctx: CommandContext): Promise<string> {
  const fromEnv = process.env.AGENT_DESKTOP_TEAM_PASSWORD;
  delete process.env.AGENT_DESKTOP_TEAM_PASSWORD;
  const password = fromEnv ?? (await ctx.stdin()).split('\n')[0]!.replace(/\r$/, '');
  if (!password) throw new UsageError('give the password in AGENT_DESKTOP_TEAM_PASSWORD or on standard input (never on the command line)');
  return password;
}
