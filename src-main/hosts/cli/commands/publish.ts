import { AppConfig } from '../../../app/config';
import { checkFile, type ImportKind } from '../../../services/importers/importer';
import { memoryTokenStore, TeamClient } from '../../../services/sync/team-client';
import { MAX_PUBLISH, type KnowledgeKind, type PublishRequest } from '../../../../src-shared/sync/knowledge-contract';
import { UserName } from '../../../../src-shared/sync/contract';
import { stringOption, UsageError, type CommandContext } from '../command';

/** What each import kind is on the team server; customers and call records stay on each desktop. */
const PUBLISHED: Partial<Record<ImportKind, KnowledgeKind>> = { kb: 'article', templates: 'template' };

/** A publish request stays well under the server's limit for one (PUBLISH_BODY_LIMIT, 4 MiB). */
const BATCH_BYTES = 2 * 1024 * 1024;

export interface PublishSummary {
  published: number;
  unchanged: number;
  rejected: { line: number; reason: string }[];
}

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
  const summary: PublishSummary = { published: 0, unchanged: 0, rejected: rejected.map(({ line, reason }) => ({ line, reason })) };
  const client = new TeamClient(server.data, user.data, memoryTokenStore(), password, 60_000);
  try {
    for (const batch of batches(ready)) {
      const body: PublishRequest = { kind: published, records: batch.map((r) => r.row) };
      const result = await client.publishKnowledge(body);
      summary.published += result.published;
      summary.unchanged += result.unchanged;
      for (const r of result.rejected) summary.rejected.push({ line: batch[r.index]?.line ?? 0, reason: r.reason });
      process.stderr.write(`\r${kind}: ${summary.published + summary.unchanged}/${ready.length} published`);
    }
    if (ready.length) process.stderr.write('\n');
  } finally {
    await client.signOut();
  }
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}

async function readPassword(ctx: CommandContext): Promise<string> {
  const fromEnv = process.env.AGENT_DESKTOP_TEAM_PASSWORD;
  delete process.env.AGENT_DESKTOP_TEAM_PASSWORD;
  const password = fromEnv ?? (await ctx.stdin()).split('\n')[0]!.replace(/\r$/, '');
  if (!password) throw new UsageError('give the password in AGENT_DESKTOP_TEAM_PASSWORD or on standard input (never on the command line)');
  return password;
}

/** Records in publish requests of at most MAX_PUBLISH records and about BATCH_BYTES each. */
function* batches<T extends { row: unknown }>(rows: T[]): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for (const r of rows) {
    const size = Buffer.byteLength(JSON.stringify(r.row));
    if (batch.length && (batch.length === MAX_PUBLISH || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(r);
    bytes += size;
  }
  if (batch.length) yield batch;
}
