import type { PoolClient } from 'pg';

export type FeedEntity = 'workOrder' | 'workOrderEvent' | 'followUp' | 'contact';

/**
 * The next position in a team's change feed. The team row stays locked until the transaction commits, so
 * positions are handed out in commit order: a desktop that pulled up to N never misses a change below N.
 */
export async function appendToFeed(tx: PoolClient, teamId: number, entity: FeedEntity, entityId: string): Promise<number> {
  const r = await tx.query<{ feed_seq: string }>('UPDATE teams SET feed_seq = feed_seq + 1 WHERE id = $1 RETURNING feed_seq', [teamId]);
  const seq = Number(r.rows[0]!.feed_seq);
  await tx.query('INSERT INTO feed (team_id, seq, entity, entity_id) VALUES ($1, $2, $3, $4)', [teamId, seq, entity, entityId]);
  return seq;
}

/**
 * One wake-up per transaction, naming the team's newest position (sent by PostgreSQL when it commits): a work
 * order filed with its event and follow-up wakes each desktop once, not three times.
 */
export async function announceFeed(tx: PoolClient, teamId: number): Promise<void> {
  await tx.query("SELECT pg_notify('team_feed', id || ':' || feed_seq) FROM teams WHERE id = $1", [teamId]);
}
