import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Refresh tokens (only their hashes are stored), failed sign-ins, and who is signed in. */
export class SessionsRepo {
  constructor(private readonly pool: Pool) {}

  async storeRefresh(userId: number, token: string, days: number): Promise<void> {
    await this.pool.query("INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))", [userId, sha256(token), days]);
  }

  /**
   * Spends a refresh token: revoked in the same statement that reads it, so it works once. A token used again
   * (stolen and replayed, or a race) revokes every token of that user.
   */
  async spendRefresh(token: string): Promise<{ userId: number } | { reused: number } | null> {
    const hash = sha256(token);
    const r = await this.pool.query<{ user_id: number }>(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING user_id',
      [hash],
    );
    if (r.rows[0]) return { userId: r.rows[0].user_id };
    const old = await this.pool.query<{ user_id: number }>('SELECT user_id FROM refresh_tokens WHERE token_hash = $1', [hash]);
    if (!old.rows[0]) return null;
    await this.pool.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [old.rows[0].user_id]);
    return { reused: old.rows[0].user_id };
  }

  async revokeAll(userId: number): Promise<void> {
    await this.pool.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  async recentFailures(username: string, minutes: number): Promise<{ count: number; oldest: Date | null }> {
    const r = await this.pool.query<{ count: string; oldest: Date | null }>(
      'SELECT count(*) AS count, min(at) AS oldest FROM login_failures WHERE username = $1 AND at > now() - make_interval(mins => $2)',
      [username, minutes],
    );
    return { count: Number(r.rows[0]!.count), oldest: r.rows[0]!.oldest };
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await this.pool.query('INSERT INTO login_failures (username, address) VALUES ($1, $2)', [username, address.slice(0, 64)]);
  }

  /** Attempts not followed by a right password, from one address, whatever the names. */
  async recentFailuresFrom(address: string, minutes: number): Promise<{ count: number; oldest: Date | null }> {
    const r = await this.pool.query<{ count: string; oldest: Date | null }>(
      'SELECT count(*) AS count, min(at) AS oldest FROM login_failures WHERE address = $1 AND at > now() - make_interval(mins => $2)',
      [address.slice(0, 64), minutes],
    );
    return { count: Number(r.rows[0]!.count), oldest: r.rows[0]!.oldest };
  }

  async clearFailures(username: string): Promise<void> {
    await this.pool.query('DELETE FROM login_failures WHERE username = $1', [username]);
  }

  async setSignedIn(userId: number, signedIn: boolean): Promise<void> {
    await this.pool.query(
      'INSERT INTO sign_ins (user_id, signed_in, last_seen) VALUES ($1, $2, now()) ON CONFLICT (user_id) DO UPDATE SET signed_in = $2, last_seen = now()',
      [userId, signedIn],
    );
  }

  /**
   * Notes that her desktop is here. Written at most every 15 s per person by each process (a throttle, not shared
   * state: the row in PostgreSQL is what every process reads), so a pull is not a write.
   */
  async seen(userId: number): Promise<void> {
    const now = Date.now();
    if (now - (this.lastSeenWrite.get(userId) ?? 0) < 15_000) return;
    this.lastSeenWrite.set(userId, now);
    await this.pool.query('UPDATE sign_ins SET last_seen = now() WHERE user_id = $1', [userId]);
  }

  private readonly lastSeenWrite = new Map<number, number>();
}
