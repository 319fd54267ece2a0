import type { Pool } from 'pg';
import type { Role, SessionUser } from '../../../src-shared/sync/contract';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  team_id: number | null;
  password_hash: string;
  disabled: boolean;
  /** When her sessions were last ended (password reset, disabled): tokens issued before are refused. */
  sessions_reset_at?: Date | null;
}

/** Teams, people, the queues they serve. Bound parameters only. */
export class UsersRepo {
  constructor(private readonly pool: Pool) {}

  async createTeam(name: string): Promise<number> {
    const r = await this.pool.query<{ id: number }>('INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id', [name]);
    return r.rows[0]!.id;
  }

  async teamId(name: string): Promise<number | null> {
    const r = await this.pool.query<{ id: number }>('SELECT id FROM teams WHERE name = $1', [name]);
    return r.rows[0]?.id ?? null;
  }

  async create(u: { username: string; displayName: string; role: Role; teamId: number | null; passwordHash: string; queues: string[] }): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const r = await client.query<{ id: number }>(
        'INSERT INTO users (username, display_name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [u.username, u.displayName, u.role, u.teamId, u.passwordHash],
      );
      const id = r.rows[0]!.id;
      for (const q of u.queues) await client.query('INSERT INTO user_queues (user_id, queue) VALUES ($1, $2)', [id, q]);
      await client.query('COMMIT');
      return id;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async setPassword(username: string, passwordHash: string): Promise<boolean> {
    return this.endSessions(username, 'password_hash = $2', [passwordHash]);
  }

  /** A person who left: she can no longer sign in, and every session and live channel of hers ends now. */
  async disable(username: string): Promise<boolean> {
    return this.endSessions(username, 'disabled = true', []);
  }

  /**
   * Changes the account and ends her sessions in one transaction: refresh tokens revoked, access tokens issued
   * before now refused, and every server process told (account_changed) to close her live channels.
   */
  private async endSessions(username: string, set: string, params: unknown[]): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const r = await client.query<{ id: number }>(`UPDATE users SET ${set}, sessions_reset_at = now() WHERE username = $1 RETURNING id`, [username, ...params]);
      const id = r.rows[0]?.id;
      if (id !== undefined) {
        await client.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
        await client.query("SELECT pg_notify('account_changed', $1)", [String(id)]);
      }
      await client.query('COMMIT');
      return id !== undefined;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async byName(username: string): Promise<UserRow | null> {
    const r = await this.pool.query<UserRow>('SELECT id, username, display_name, role, team_id, password_hash, disabled FROM users WHERE username = $1', [username]);
    return r.rows[0] ?? null;
  }

  async byId(id: number): Promise<UserRow | null> {
    const r = await this.pool.query<UserRow>('SELECT id, username, display_name, role, team_id, password_hash, disabled FROM users WHERE id = $1', [id]);
    return r.rows[0] ?? null;
  }

  /** The account and the queues she serves, in one round trip (every request reads it). */
  async withQueues(id: number): Promise<(UserRow & { queues: string[] }) | null> {
    const r = await this.pool.query<UserRow & { queues: string[] }>(
      `SELECT u.id, u.username, u.display_name, u.role, u.team_id, u.password_hash, u.disabled, u.sessions_reset_at,
         coalesce(array_agg(q.queue ORDER BY q.queue) FILTER (WHERE q.queue IS NOT NULL), '{}') AS queues
       FROM users u LEFT JOIN user_queues q ON q.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    return r.rows[0] ?? null;
  }

  /** The people of one team who can be given work (not disabled), by user name. */
  async teamMembers(teamId: number): Promise<{ username: string; displayName: string; role: Role }[]> {
    const r = await this.pool.query<{ username: string; display_name: string; role: Role }>(
      'SELECT username, display_name, role FROM users WHERE team_id = $1 AND NOT disabled ORDER BY username',
      [teamId],
    );
    return r.rows.map((x) => ({ username: x.username, displayName: x.display_name, role: x.role }));
  }

  async queuesOf(userId: number): Promise<string[]> {
    const r = await this.pool.query<{ queue: string }>('SELECT queue FROM user_queues WHERE user_id = $1 ORDER BY queue', [userId]);
    return r.rows.map((x) => x.queue);
  }

  async sessionUser(row: UserRow): Promise<SessionUser> {
    return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, teamId: row.team_id, queues: await this.queuesOf(row.id) };
  }
}
