import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { Mutation, PushedMutation } from '../../../src-shared/sync/contract';

/** Whether this desktop syncs with a team server (config.json has a team section); alone, nothing is queued. */
export interface SyncSwitch {
  enabled: boolean;
  /** Whose changes are written now (team server and user name); null until a sync worker has started. */
  owner?: string | null;
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
    this.insert = db.prepare<[string, string, string, number, string | null]>('INSERT INTO outbox (key, record, mutation, created_at, owner) VALUES (?, ?, ?, ?, ?)');
  }

  get enabled(): boolean {
    return this.sync.enabled;
  }

  add(record: string, mutation: Mutation): void {
    if (!this.sync.enabled) return;
    if (!this.db.inTransaction) throw new Error('an outbox entry must be written in the transaction of its change');
    this.insert.run(randomUUID(), record, JSON.stringify(mutation), this.now(), this.sync.owner ?? null);
    setImmediate(() => this.writes.emit('written'));
  }

  /** The oldest entries, in order, as the push sends them. */
  pending(limit: number): PushedMutation[] {
    return this.db
      .prepare<[number], { seq: number; key: string; mutation: string }>('SELECT seq, key, mutation FROM outbox ORDER BY seq LIMIT ?')
      .all(limit)
      .map((r) => ({ seq: r.seq, key: r.key, mutation: JSON.parse(r.mutation) as Mutation }));
  }

  /**
   * From now on changes are this owner's, and so are those written before anyone's session started (owner
   * null: made while signing in, or before owners were recorded).
   */
  takeOwnership(owner: string): void {
    this.sync.owner = owner;
    this.db.prepare('UPDATE outbox SET owner = ? WHERE owner IS NULL').run(owner);
  }

  /**
   * The next entries of one owner, under one client id. Entries already sent under an older client id of hers
   * go first, under that id; new ones are numbered on for clientId, in outbox order, in one transaction.
   */
  batchFor(owner: string, clientId: string, limit: number): { clientId: string; mutations: PushedMutation[] } {
    return this.db.transaction(() => {
      const older = prepared<[string, string], { client_id: string }>(this.db, 
        'SELECT client_id FROM outbox WHERE owner = ? AND client_id IS NOT NULL AND client_id <> ? ORDER BY seq LIMIT 1').get(owner, clientId);
      const id = older?.client_id ?? clientId;
      if (!older) {
        const fresh = prepared<[string, number], { seq: number }>(this.db, 'SELECT seq FROM outbox WHERE owner = ? AND client_id IS NULL ORDER BY seq LIMIT ?').all(owner, limit);
        let next = this.lastClientSeq(id);
        const give = prepared<[string, number, number]>(this.db, 'UPDATE outbox SET client_id = ?, client_seq = ? WHERE seq = ?');
        for (const r of fresh) give.run(id, ++next, r.seq);
        prepared(this.db, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(`sync.clientSeq:${id}`, String(next));
      }
      const rows = prepared<[string, number], { client_seq: number; key: string; mutation: string }>(this.db, 
        'SELECT client_seq, key, mutation FROM outbox WHERE client_id = ? ORDER BY client_seq LIMIT ?').all(id, limit);
      return { clientId: id, mutations: rows.map((r) => ({ seq: r.client_seq, key: r.key, mutation: JSON.parse(r.mutation) as Mutation })) };
    }).immediate();
  }

  /**
   * Numbers a client id's waiting entries again from `from`, in their order (the server never saw the numbers
   * they had). Through negative numbers first, as the numbers are unique per client id.
   */
  renumber(clientId: string, from: number): void {
    this.db.transaction(() => {
      const rows = this.db.prepare<[string], { seq: number }>('SELECT seq FROM outbox WHERE client_id = ? ORDER BY client_seq').all(clientId);
      const give = this.db.prepare<[number, number]>('UPDATE outbox SET client_seq = ? WHERE seq = ?');
      rows.forEach((r, i) => give.run(-1 - i, r.seq));
      rows.forEach((r, i) => give.run(from + i, r.seq));
      this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(`sync.clientSeq:${clientId}`, String(from + rows.length - 1));
    }).immediate();
  }

  /** The last number given under a client id (kept after its entries are gone, so numbers never repeat). */
  private lastClientSeq(clientId: string): number {
    const kept = prepared<[string], { value: string }>(this.db, 'SELECT value FROM settings WHERE key = ?').get(`sync.clientSeq:${clientId}`);
    const inRows = prepared<[string], { n: number | null }>(this.db, 'SELECT max(client_seq) AS n FROM outbox WHERE client_id = ?').get(clientId)!.n ?? 0;
    return Math.max(Number(kept?.value ?? 0), inRows);
  }

  /**
   * A desktop that synced before client ids were per user: its entries were numbered by outbox seq under that
   * one id, which continues as this owner's, numbered on from the highest outbox seq ever given.
   */
  continueLegacy(owner: string, clientId: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE outbox SET client_id = ?, client_seq = seq WHERE owner = ? AND client_id IS NULL').run(clientId, owner);
      const top = this.db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get()?.seq ?? 0;
      this.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(`sync.clientSeq:${clientId}`, String(top));
    })();
  }

  countFor(owner: string): number {
    return prepared<[string], { n: number }>(this.db, 'SELECT count(*) AS n FROM outbox WHERE owner = ? OR owner IS NULL').get(owner)!.n;
  }

  /** Deletes what the server acknowledged for one client id, up to and including its sequence number. */
  acknowledge(clientId: string, throughSeq: number): void {
    prepared(this.db, 'DELETE FROM outbox WHERE client_id = ? AND client_seq <= ?').run(clientId, throughSeq);
  }

  failedIn(clientId: string, seqs: number[], error: string): void {
    const stmt = this.db.prepare<[string, string, number]>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE client_id = ? AND client_seq = ?');
    this.db.transaction(() => seqs.forEach((s) => stmt.run(error.slice(0, 500), clientId, s)))();
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox').get()!.n;
  }

  hasPendingFor(record: string): boolean {
    // Asked for every row a pull or a wake-up brings: prepared once.
    return prepared<[string], { n: number }>(this.db, 'SELECT count(*) AS n FROM outbox WHERE record = ?').get(record)!.n > 0;
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
