import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from '../db/database';
import type { Mutation, PushedMutation } from '../../../src-shared/sync/contract';

/** Whether this desktop syncs with a team server (config.json has a team section); alone, nothing is queued. */
export interface SyncSwitch {
  enabled: boolean;
}

/** Wakes a desktop's sync worker after a write; one per cache, shared by its connections' outboxes. */
export type OutboxWrites = EventEmitter<{ written: [] }>;

/**
 * The changes the team must see, in the desktop's order. add() runs inside the caller's transaction, on the
 * caller's connection, so the change and its outbox entry are written together or not at all.
 */
export class Outbox {
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly sync: SyncSwitch,
    private readonly now: () => number = Date.now,
    readonly writes: OutboxWrites = new EventEmitter(),
  ) {
    this.insert = db.prepare<[string, string, string, number]>('INSERT INTO outbox (key, record, mutation, created_at) VALUES (?, ?, ?, ?)');
  }

  get enabled(): boolean {
    return this.sync.enabled;
  }

  add(record: string, mutation: Mutation): void {
    if (!this.sync.enabled) return;
    if (!this.db.inTransaction) throw new Error('an outbox entry must be written in the transaction of its change');
    this.insert.run(randomUUID(), record, JSON.stringify(mutation), this.now());
    setImmediate(() => this.writes.emit('written'));
  }

  /** The oldest entries, in order, as the push sends them. */
  pending(limit: number): PushedMutation[] {
    return this.db
      .prepare<[number], { seq: number; key: string; mutation: string }>('SELECT seq, key, mutation FROM outbox ORDER BY seq LIMIT ?')
      .all(limit)
      .map((r) => ({ seq: r.seq, key: r.key, mutation: JSON.parse(r.mutation) as Mutation }));
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox').get()!.n;
  }

  hasPendingFor(record: string): boolean {
    return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE record = ?').get(record)!.n > 0;
  }

  /** Deletes what the server acknowledged (applied, a duplicate, or decided elsewhere) up to and including seq. */
  acknowledgeThrough(seq: number): void {
    this.db.prepare('DELETE FROM outbox WHERE seq <= ?').run(seq);
  }

  failed(seqs: number[], error: string): void {
    const stmt = this.db.prepare<[string, number]>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?');
    this.db.transaction(() => seqs.forEach((s) => stmt.run(error.slice(0, 500), s)))();
  }
}
