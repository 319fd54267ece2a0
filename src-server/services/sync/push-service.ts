import type { Pool, PoolClient } from 'pg';
import { Mutation, type PushEnvelope, type PushResponse, type PushResult } from '../../../src-shared/sync/contract';
import type { ServerConfig } from '../../config';
import { HttpError } from '../../http-error';
import type { Viewer } from '../auth/policy';
import { applyMutation, Rejection } from './apply-mutation';
import { TeamFeed } from '../../db/repos/feed';

/** The record of a refused change keeps this much of its body; a longer one keeps its kind and size. */
const REJECTED_BODY_MAX = 64 * 1024;

/**
 * JSON PostgreSQL's jsonb will take for the record of a refused change (which may be anything the contract refused):
 * a NUL or a lone surrogate, in a value or a key, becomes U+FFFD. A record it could not write would roll back the
 * whole push, and the desktop would send the same push for ever.
 */
function storable(value: unknown): string {
  const clean = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed().replaceAll('\u0000', '\uFFFD');
  const walk = (v: unknown): unknown =>
    typeof v === 'string' ? clean(v)
    : Array.isArray(v) ? v.map(walk)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), walk(x)]))
    : v;
  const json = JSON.stringify(walk(value));
  if (json.length <= REJECTED_BODY_MAX) return json;
  return JSON.stringify({ kind: clean(String((value as { kind?: unknown }).kind ?? '')).slice(0, 64), bodyChars: json.length });
}

interface Log {
  warn(obj: object, msg: string): void;
}

type Pushed = PushEnvelope['mutations'][number];

/**
 * Changes applied in one transaction at most: each has a savepoint, and past 64 subtransactions PostgreSQL's
 * per-backend cache of them overflows, which slows every other session's snapshots while the transaction runs.
 */
const PER_TRANSACTION = 32;
/** A push that lost a deadlock (the callback sweep locks a follow-up before the team) is run again, this often. */
const ATTEMPTS = 3;
/** The changes that write nothing a team sees: a push of only these leaves the team's feed unlocked. */
const OUTSIDE_FEED: ReadonlySet<Mutation['kind']> = new Set(['kb.helped', 'agentState.change']);
/** The change as the contract has it, or its refusal saying which fields are wrong (checked one change at a time). */
function checked(mutation: unknown): Mutation {
  const parsed = Mutation.safeParse(mutation);
  if (parsed.success) return parsed.data;
  throw new Rejection(`this change is not valid: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}
/** Deadlock detected, serialization failure: nothing was applied, and running it again may succeed. */
const retryable = (err: unknown) => ['40P01', '40001'].includes(String((err as { code?: unknown }).code ?? ''));

/**
 * Applies a desktop's outbox in order, each mutation at most once, the whole push in one PostgreSQL transaction
 * (a push of a call's four changes was four transactions of 8–10 round trips each). The desktop's last applied
 * sequence is read with a lock and advanced inside that transaction, so a retried push is acknowledged again and
 * never applied twice; a sequence beyond the next is a gap and stops the batch. Each change has a savepoint: a
 * rejected one (malformed, or refused by the rules) is rolled back alone and recorded, and the rest of the push
 * still applies.
 */
export class PushService {
  constructor(private readonly pool: Pool, private readonly routing: Pick<ServerConfig, 'routeQueues'>, private readonly log: Log) {}

  async push(v: Viewer, req: PushEnvelope): Promise<PushResponse> {
    const ordered = [...req.mutations].sort((a, b) => a.seq - b.seq);
    const results: PushResult[] = [];
    let lastSeq = 0;
    for (let from = 0; from < ordered.length; from += PER_TRANSACTION) {
      const chunk = ordered.slice(from, from + PER_TRANSACTION);
      const done = await this.attempt(() => this.inTransaction(v, req.clientId, chunk, results.length === 0));
      results.push(...done.results);
      lastSeq = done.lastSeq;
      if (done.stopped) break;
    }
    return { results, lastSeq };
  }

  private async attempt<T>(run: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await run();
      } catch (err) {
        if (n >= ATTEMPTS || !retryable(err)) throw err;
        this.log.warn({ error: (err as Error).message, attempt: n }, 'push ran into another transaction; running it again');
      }
    }
  }

  private async inTransaction(v: Viewer, clientId: string, chunk: Pushed[], first: boolean): Promise<PushResponse & { stopped: boolean }> {
    const tx = await this.pool.connect();
    try {
      await tx.query('BEGIN');
      const answer = await this.apply(tx, v, clientId, chunk, first);
      await tx.query('COMMIT');
      return answer;
    } catch (err) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      tx.release();
    }
  }

  private async apply(tx: PoolClient, v: Viewer, clientId: string, chunk: Pushed[], first: boolean): Promise<PushResponse & { stopped: boolean }> {
    // Created on its first push, and locked either way, in one statement (the no-op update takes the row lock).
    const client = (await tx.query<{ user_id: number; last_seq: string }>(
      'INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO UPDATE SET last_push = sync_clients.last_push RETURNING user_id, last_seq',
      [clientId, v.userId],
    )).rows[0]!;
    if (client.user_id !== v.userId) {
      this.log.warn({ clientId, user: v.username }, 'push refused: this desktop belongs to another user');
      throw new HttpError(403, 'FORBIDDEN', 'This desktop is signed in as someone else: sign out and in again.');
    }
    const applied = Number(client.last_seq);
    let lastSeq = applied;
    const fresh = chunk.filter((p) => p.seq > applied);
    // The team's feed is locked before any row a change locks, as in every push: two pushes never wait in a circle.
    const feed = v.teamId !== null && fresh.some((p) => !OUTSIDE_FEED.has(p.mutation.kind as Mutation['kind'])) ? await TeamFeed.lock(tx, v.teamId) : null;
    const results: PushResult[] = [];
    const again: number[] = [];
    let stopped = false;
    for (const pushed of chunk) {
      if (pushed.seq <= lastSeq) {
        // Done before: its answer is read below (a conflict or rejection is said again: the first may never have arrived).
        again.push(results.length);
        results.push({ seq: pushed.seq, outcome: 'duplicate' });
        continue;
      }
      if (pushed.seq > lastSeq + 1) {
        if (first && results.length === 0) throw new HttpError(409, 'SEQUENCE_GAP', `Expected change ${lastSeq + 1} first; send the outbox from there.`, { 'x-expected-seq': String(lastSeq + 1) });
        stopped = true;
        break;
      }
      results.push(await this.applyOne(tx, v, clientId, pushed, feed));
      lastSeq = pushed.seq;
    }
    if (again.length) await this.answerAgain(tx, clientId, again.map((i) => results[i]!));
    if (lastSeq > applied) await tx.query('UPDATE sync_clients SET last_seq = $2, last_push = now() WHERE client_id = $1', [clientId, lastSeq]);
    // The feed rows of every change, the team's new position and one wake-up for the whole push (sent on commit).
    await feed?.flush();
    return { results, lastSeq, stopped };
  }

  /** One change under its own savepoint: a rejection rolls back this change only and is recorded. */
  private async applyOne(tx: PoolClient, v: Viewer, clientId: string, pushed: Pushed, feed: TeamFeed | null): Promise<PushResult> {
    await tx.query('SAVEPOINT m');
    const mark = feed?.mark();
    let result: PushResult;
    try {
      result = { seq: pushed.seq, ...(await applyMutation(tx, v, checked(pushed.mutation), this.routing, feed)) };
    } catch (caught) {
      // PostgreSQL refusing the data itself (SQLSTATE classes 22 and 23: a NUL in text, a CHECK) can never
      // succeed on a retry: it is a rejection too, or one bad change would hold the desktop's queue forever.
      const sqlState = String((caught as { code?: unknown }).code ?? '');
      const err = caught instanceof Rejection ? caught : /^2[23]/.test(sqlState) ? new Rejection(`the server could not store this change (${(caught as Error).message.slice(0, 200)})`) : null;
      if (!err) throw caught;
      await tx.query('ROLLBACK TO SAVEPOINT m');
      if (mark) feed!.rollBackTo(mark);
      await tx.query('INSERT INTO rejected_mutations (client_id, seq, key, reason, body) VALUES ($1, $2, $3, $4, $5)', [
        clientId, pushed.seq, pushed.key, err.message, storable(pushed.mutation),
      ]);
      this.log.warn({ user: v.username, key: pushed.key, kind: pushed.mutation.kind, reason: err.message }, 'mutation rejected');
      return { seq: pushed.seq, outcome: 'rejected', reason: err.message };
    }
    if (result.outcome === 'conflict') {
      await tx.query("INSERT INTO rejected_mutations (client_id, seq, key, reason, body, outcome, current) VALUES ($1, $2, $3, $4, $5, 'conflict', $6)", [
        clientId, pushed.seq, pushed.key, 'changed by someone else first', storable(pushed.mutation), JSON.stringify(result.current ?? null),
      ]);
    }
    return result;
  }

  /** The kept answers of changes applied before, in one read: a conflict or rejection is said again. */
  private async answerAgain(tx: PoolClient, clientId: string, answers: PushResult[]): Promise<void> {
    const kept = await tx.query<{ seq: string; outcome: 'conflict' | 'rejected'; reason: string; current: unknown }>(
      'SELECT seq, outcome, reason, current FROM rejected_mutations WHERE client_id = $1 AND seq = ANY($2::bigint[])',
      [clientId, answers.map((a) => a.seq)],
    );
    const bySeq = new Map(kept.rows.map((k) => [Number(k.seq), k]));
    for (const a of answers) {
      const k = bySeq.get(a.seq);
      if (k) Object.assign(a, { outcome: k.outcome, reason: k.reason, ...(k.current ? { current: k.current } : {}) });
    }
  }
}
