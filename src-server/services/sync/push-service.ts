import type { Pool } from 'pg';
import type { PushRequest, PushResponse, PushResult } from '../../../src-shared/sync/contract';
import type { ServerConfig } from '../../config';
import { HttpError } from '../../http-error';
import type { Viewer } from '../auth/policy';
import { applyMutation, Rejection } from './apply-mutation';
import { announceFeed } from '../../db/repos/feed';

/** JSON PostgreSQL will take for the record of a refused change: a lone surrogate becomes U+FFFD. */
const storable = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? (v as string & { toWellFormed(): string }).toWellFormed() : v));

interface Log {
  warn(obj: object, msg: string): void;
}

/**
 * Applies a desktop's outbox in order, each mutation at most once. The desktop's last applied sequence is read
 * and advanced inside the same PostgreSQL transaction that applies the mutation (a locking read), so a retried
 * push is acknowledged again and never applied twice; a sequence beyond the next is a gap and stops the batch.
 */
export class PushService {
  constructor(private readonly pool: Pool, private readonly routing: Pick<ServerConfig, 'routeQueues'>, private readonly log: Log) {}

  async push(v: Viewer, req: PushRequest): Promise<PushResponse> {
    const results: PushResult[] = [];
    let lastSeq = 0;
    const ordered = [...req.mutations].sort((a, b) => a.seq - b.seq);
    for (const pushed of ordered) {
      const tx = await this.pool.connect();
      try {
        await tx.query('BEGIN');
        await tx.query('INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [req.clientId, v.userId]);
        const client = (await tx.query<{ user_id: number; last_seq: string }>('SELECT user_id, last_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE', [req.clientId])).rows[0]!;
        lastSeq = Number(client.last_seq);
        if (client.user_id !== v.userId) {
          await tx.query('ROLLBACK');
          this.log.warn({ clientId: req.clientId, user: v.username }, 'push refused: this desktop belongs to another user');
          throw new HttpError(403, 'FORBIDDEN', 'This desktop is signed in as someone else: sign out and in again.');
        }
        if (pushed.seq <= lastSeq) {
          // Done before: a conflict or rejection is said again (its first answer may never have arrived).
          const kept = (await tx.query<{ outcome: 'conflict' | 'rejected'; reason: string; current: unknown }>(
            'SELECT outcome, reason, current FROM rejected_mutations WHERE client_id = $1 AND seq = $2', [req.clientId, pushed.seq])).rows[0];
          await tx.query('ROLLBACK');
          results.push(kept ? { seq: pushed.seq, outcome: kept.outcome, reason: kept.reason, ...(kept.current ? { current: kept.current } : {}) } : { seq: pushed.seq, outcome: 'duplicate' });
          continue;
        }
        if (pushed.seq > lastSeq + 1) {
          await tx.query('ROLLBACK');
          if (results.length === 0) throw new HttpError(409, 'SEQUENCE_GAP', `Expected change ${lastSeq + 1} first; send the outbox from there.`, { 'x-expected-seq': String(lastSeq + 1) });
          break;
        }
        await tx.query('SAVEPOINT m');
        let result: PushResult;
        try {
          result = { seq: pushed.seq, ...(await applyMutation(tx, v, pushed.mutation, this.routing)) };
        } catch (caught) {
          // PostgreSQL refusing the data itself (SQLSTATE classes 22 and 23: a NUL in text, a CHECK) can never
          // succeed on a retry: it is a rejection too, or one bad change would hold the desktop's queue forever.
          const sqlState = String((caught as { code?: unknown }).code ?? '');
          const err = caught instanceof Rejection ? caught : /^2[23]/.test(sqlState) ? new Rejection(`the server could not store this change (${(caught as Error).message.slice(0, 200)})`) : null;
          if (!err) throw caught;
          await tx.query('ROLLBACK TO SAVEPOINT m');
          await tx.query('INSERT INTO rejected_mutations (client_id, seq, key, reason, body) VALUES ($1, $2, $3, $4, $5)', [
            req.clientId, pushed.seq, pushed.key, err.message, storable(pushed.mutation),
          ]);
          this.log.warn({ user: v.username, key: pushed.key, kind: pushed.mutation.kind, reason: err.message }, 'mutation rejected');
          result = { seq: pushed.seq, outcome: 'rejected', reason: err.message };
        }
        if (result.outcome === 'conflict') {
          await tx.query("INSERT INTO rejected_mutations (client_id, seq, key, reason, body, outcome, current) VALUES ($1, $2, $3, $4, $5, 'conflict', $6)", [
            req.clientId, pushed.seq, pushed.key, 'changed by someone else first', storable(pushed.mutation), JSON.stringify(result.current ?? null),
          ]);
        }
        await tx.query('UPDATE sync_clients SET last_seq = $2, last_push = now() WHERE client_id = $1', [req.clientId, pushed.seq]);
        if (result.outcome === 'applied' && v.teamId !== null) await announceFeed(tx, v.teamId);
        await tx.query('COMMIT');
        lastSeq = pushed.seq;
        results.push(result);
      } catch (err) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        tx.release();
      }
    }
    return { results, lastSeq };
  }
}
