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

interface FeedRow {
  seq: number;
  entity: FeedEntity;
  entityId: string;
}

/**
 * A team's feed for one transaction that writes many changes (a desktop's push). The team row is locked once, at
 * the start (before any work order or follow-up, so every push takes its locks in the same order), positions are
 * counted here, and the feed rows, the team's new position and the wake-up go to PostgreSQL in one statement at
 * the end: a change costs no round trip of its own for the feed. The lock is held to the commit, so positions are
 * still handed out in commit order.
 */
export class TeamFeed {
  private readonly rows: FeedRow[] = [];

  private constructor(private readonly tx: PoolClient, readonly teamId: number, private seq: number) {}

  static async lock(tx: PoolClient, teamId: number): Promise<TeamFeed> {
    // NO KEY UPDATE, as an UPDATE of the row takes: rows inserted elsewhere that reference the team (their
    // foreign keys take KEY SHARE) do not wait for it.
    const r = await tx.query<{ feed_seq: string }>('SELECT feed_seq FROM teams WHERE id = $1 FOR NO KEY UPDATE', [teamId]);
    if (!r.rows[0]) throw new Error(`team ${teamId} does not exist`);
    return new TeamFeed(tx, teamId, Number(r.rows[0].feed_seq));
  }

  /** The position of a change; its feed row is written with the others when the push ends. */
  append(entity: FeedEntity, entityId: string): number {
    this.rows.push({ seq: ++this.seq, entity, entityId });
    return this.seq;
  }

  /** Names the row behind a position handed out before the row had its id (an event's id is PostgreSQL's). */
  name(seq: number, entityId: string): void {
    const row = this.rows.find((r) => r.seq === seq);
    if (row) row.entityId = entityId;
  }

  /** Where the feed stands, to go back to if the change being applied is rolled back to its savepoint. */
  mark(): { seq: number; rows: number } {
    return { seq: this.seq, rows: this.rows.length };
  }

  rollBackTo(mark: { seq: number; rows: number }): void {
    this.seq = mark.seq;
    this.rows.length = mark.rows;
  }

  /** Writes the feed rows and the team's position and wakes every server process (on commit), if anything moved. */
  async flush(): Promise<void> {
    if (!this.rows.length) return;
    await this.tx.query(
      `WITH f AS (
         INSERT INTO feed (team_id, seq, entity, entity_id)
         SELECT $1, s, e, i FROM unnest($2::bigint[], $3::text[], $4::text[]) AS r(s, e, i)
       ), t AS (UPDATE teams SET feed_seq = $5 WHERE id = $1 RETURNING id, feed_seq)
       SELECT pg_notify('team_feed', id || ':' || feed_seq) FROM t`,
      [this.teamId, this.rows.map((r) => r.seq), this.rows.map((r) => r.entity), this.rows.map((r) => r.entityId), this.seq],
    );
    this.rows.length = 0;
  }
}
