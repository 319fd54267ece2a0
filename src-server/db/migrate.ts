import type { Pool } from 'pg';
import { migrations } from './migrations';

/**
 * Brings the database up to this version. Several server processes may start at once: an advisory lock lets one
 * migrate while the others wait. A database newer than this code is refused.
 */
export async function migrate(pool: Pool): Promise<{ applied: string[] }> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(7201001)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done].filter((n) => !known.has(n));
    if (unknown.length) throw new Error(`the database is newer than this server (migrations ${unknown.join(', ')}); upgrade the server`);
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
        await client.query('COMMIT');
        applied.push(m.name);
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7201001)').catch(() => undefined);
    client.release();
  }
  return { applied };
}
