import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { Logger } from '../../app/logger';
import { reconnectDelay } from '../softphone/backoff';
import { LiveMessage, ServerWorkOrder, type PullResponse, type PushResult, type TeamDesktop, type TeamMembersResponse } from '../../../src-shared/sync/contract';
import type { SyncStatus } from '../../../src-shared/domain/sync-status';
import { ChangeApplier } from './apply-changes';
import { KnowledgeLiveMessage } from '../../../src-shared/sync/knowledge-contract';
import type { KnowledgePull } from './knowledge-pull';
import type { Outbox } from './outbox';
import { TeamServerError, type TeamClient } from './team-client';

const BATCH = 100;

/** Attempts counted for capped exponential backoff with jitter (the softphone's policy, other limits). */
class Backoff {
  private attempt = 0;
  constructor(private readonly initialMs: number, private readonly maxMs: number) {}
  next(): number {
    return reconnectDelay(++this.attempt, { initialMs: this.initialMs, maxMs: this.maxMs });
  }
  reset(): void {
    this.attempt = 0;
  }
}
/**
 * The safety net for a missed wake-up: a pull every 30 s while the live channel is down, every 5 minutes while it
 * is open (it carries the team's changes; a pull per desktop every 30 s was a third of a server's requests).
 */
const POLL_MS = 30_000;
const POLLS_SKIPPED_WHILE_LIVE = 9;
const MAX_DEFERRED = 200;
/** How long a run waits for the live channel to open before pulling without it. */
const LIVE_OPEN_TIMEOUT_MS = 5_000;
const LIVE_PING_MS = 20_000;

/**
 * The desktop's sync worker: pushes the outbox in order (at most once each, thanks to the server's per-desktop
 * sequence), pulls the team's changes after its cursor, and listens on the live channel for a wake-up. Failures
 * are retried on a timer with capped backoff that honours Retry-After; nothing waits for the next local write.
 */
export class TeamSync extends EventEmitter<{ status: [SyncStatus]; pulled: [{ workOrders: string[] }] }> {
  private readonly applier: ChangeApplier;
  private readonly backoff = new Backoff(250, 8_000);
  private running: Promise<void> | null = null;
  private dirty = false;
  /**
   * Kicks are numbered: the last that asked for a pull (start, a wake-up beyond a gap, a retry, the live channel
   * back, the safety net), and the last one before the latest request that read the team's feed was sent. A pull
   * asked for before that request went out is answered by it: after a fault the retry and the live channel's
   * return both ask, and the second used to cost a pull of its own.
   */
  private kicks = 0;
  private pullAskedAt = 1;
  private readAt = 0;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private live: WebSocket | null = null;
  private liveRetry: NodeJS.Timeout | null = null;
  private readonly liveBackoff = new Backoff(250, 8_000);
  /** Wake-ups that came while a run was in progress, for that run to settle after its pull. */
  private deferred: LiveMessage[] = [];
  private lastSyncedAt: number | null = null;
  private knowledgeDue = true;
  private state: SyncStatus['state'] = 'connecting';
  private message: string | null = null;
  /**
   * A local change: sent at once, unless the server is unreachable and a retry is already set (its backoff is the
   * pace of attempts); then the badge only counts one more waiting, and still says the server is unreachable.
   */
  private readonly onWrite = () => {
    if (this.state === 'offline' && this.retryTimer) return void this.emit('status', this.status());
    this.kick(false);
  };

  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly client: TeamClient,
    private readonly log: Logger,
    private readonly me: () => string,
    /**
     * Where pulled changes and the cursor are written: the cache's synchronous=NORMAL connection is enough, since
     * a change lost in a power cut goes back with its cursor and is pulled again. Local work stays on db (FULL).
     */
    private readonly pullDb: Db = db,
    /** Published knowledge (KB, templates): pulled on start, when the live channel says so, and on reconnect. */
    private readonly knowledge: KnowledgePull | null = null,
  ) {
    super();
    this.applier = new ChangeApplier(pullDb, outbox, me);
  }

  /** Whose outbox entries this worker sends: the team server and the user name (what is known before sign-in). */
  get owner(): string {
    return `${new URL(this.client.baseUrl).origin}|${this.client.username}`;
  }

  /**
   * The desktop's identity on the server for the signed-in (server, user, team): another user, server or team
   * starts with a new client id and from cursor 0, and never takes over another's numbers or place in the feed.
   */
  private get scope(): string {
    const user = this.client.user;
    if (!user) throw new Error('the client id and cursor are known only once signed in');
    return `${this.owner}|${user.teamId ?? ''}`;
  }

  get clientId(): string {
    const key = `sync.clientId:${this.scope}`;
    const row = prepared<[string], { value: string }>(this.db, 'SELECT value FROM settings WHERE key = ?').get(key);
    if (row) return row.value;
    return this.db.transaction(() => {
      // A desktop that synced before identities were per user: its one id and cursor go on as the first
      // signed-in user's (whose entries they were), and nobody else's.
      const legacy = this.db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'sync.clientId'").get();
      const id = legacy?.value ?? randomUUID();
      if (legacy) {
        this.outbox.continueLegacy(this.owner, id);
        this.db.prepare("UPDATE settings SET key = ? WHERE key = 'sync.cursor'").run(`sync.cursor:${this.scope}`);
        this.db.prepare("DELETE FROM settings WHERE key = 'sync.clientId'").run();
      }
      this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, id);
      return id;
    })();
  }

  /** The cursor of the signed-in identity (the key is taken before a pull, so one that switched meanwhile is not mixed). */
  private saveCursor(cursor: number, key = `sync.cursor:${this.scope}`): void {
    prepared(this.pullDb, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, String(cursor));
  }

  private get cursor(): number {
    return Number(prepared<[string], { value: string }>(this.pullDb, 'SELECT value FROM settings WHERE key = ?').get(`sync.cursor:${this.scope}`)?.value ?? 0);
  }

  status(): SyncStatus {
    return { state: this.state, waiting: this.outbox.countFor(this.owner), lastSyncedAt: this.lastSyncedAt, decisions: this.decisionCount(), message: this.message, user: this.client.user };
  }

  start(): void {
    // Changes made from now on (and any made before a session started) are this user's, pushed only as hers.
    this.outbox.takeOwnership(this.owner);
    this.outbox.writes.on('written', this.onWrite);
    this.pollTimer = setInterval(() => this.poll(), POLL_MS);
    this.pollTimer.unref();
    this.kick();
  }

  /** Stops syncing; with signOut the session ends on the server too (her due callbacks then fall to the team). */
  async stop(signOut = false): Promise<void> {
    this.stopped = true;
    if (signOut) await this.client.signOut().catch((err: Error) => this.log.warn('team sync: could not sign out', { error: err.message }));
    this.outbox.writes.off('written', this.onWrite);
    for (const t of [this.retryTimer, this.liveRetry]) if (t) clearTimeout(t);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.live?.terminate();
    this.live = null;
    // A push or pull in flight finishes (or times out) before the caller closes the database under it.
    await this.running;
  }

  private quietPolls = 0;
  private poll(): void {
    if (this.live?.readyState === WebSocket.OPEN && ++this.quietPolls <= POLLS_SKIPPED_WHILE_LIVE) return;
    this.quietPolls = 0;
    this.kick();
  }

  /**
   * Something may need sending or fetching: run now, or once the run in progress ends. A local write alone
   * (pull false) needs no pull when its push's answer brings the team's changes with it.
   */
  kick(pull = true): void {
    if (this.stopped) return;
    this.dirty = true;
    this.kicks++;
    if (pull) this.pullAskedAt = this.kicks;
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
  }

  private async run(): Promise<void> {
    try {
      while (this.dirty && !this.stopped) {
        this.dirty = false;
        // A retry while unreachable stays "unreachable" until it gets through.
        if (this.state !== 'offline') this.setState(this.outbox.countFor(this.owner) ? 'syncing' : this.state === 'synced' ? 'synced' : 'syncing');
        // Signed in first: which client id and cursor to use depends on who she is on the server (and the live
        // channel, opened before the pull, needs a token that is good).
        if (!this.client.user || !this.client.token) await this.client.signIn();
        // The live channel opens before the push and the pull, so what changes after their answers were read comes
        // on it and waits for this run (see applyDeferred) instead of making the desktop pull a second time.
        if (!this.live) await this.connectLive();
        if (this.stopped) return;
        // A push's answer carries the team's changes after the cursor: a run that pushed pulls only when that
        // answer could not say everything (a long stretch, a read that failed on the server); one that had nothing
        // to push pulls when something other than a local write asked for it (start, a wake-up, the safety net).
        // Without a live channel no hello says where the feed stands: a run pulls.
        const pullWanted = this.pullAskedAt > this.readAt || !this.live;
        this.readAt = this.kicks;
        const pushed = await this.pushAll();
        if (pushed === 'behind' || (pushed === 'nothing' && pullWanted)) await this.pullAll();
        if (this.knowledge && this.knowledgeDue) {
          this.knowledgeDue = false;
          await this.knowledge.pullAll().catch((err: unknown) => {
            this.knowledgeDue = true;
            throw err;
          });
        }
        this.applyDeferred();
        this.backoff.reset();
        this.lastSyncedAt = Date.now();
        this.message = null;
        this.setState('synced');
      }
    } catch (err) {
      if (!this.stopped) this.failed(err as Error);
    }
  }

  private failed(err: Error): void {
    const e = err instanceof TeamServerError ? err : new TeamServerError(0, err.message);
    this.message = e.message;
    if (!e.transient && e.status === 401) {
      this.log.warn('team sync: signed out', { error: e.message });
      this.setState('signed-out');
      return;
    }
    const delay = Math.max(this.backoff.next(), e.retryAfterMs ?? 0);
    this.log.warn('team sync: will retry', { error: e.message, status: e.status, retryInMs: delay });
    this.setState(e.transient ? 'offline' : 'error');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
    this.retryTimer.unref();
  }

  /** Changes per push: halved while the server finds a push too large, back to BATCH once one goes through. */
  private batchSize = BATCH;

  /**
   * Pushes the outbox: 'nothing' when there was nothing to push, 'caughtUp' when the last push's answer brought
   * the cursor as far as the team's feed went, 'behind' when it did not (a pull is due).
   */
  private async pushAll(): Promise<'nothing' | 'caughtUp' | 'behind'> {
    let outcome: 'nothing' | 'caughtUp' | 'behind' = 'nothing';
    for (;;) {
      const { clientId, mutations: batch } = this.outbox.batchFor(this.owner, this.clientId, this.batchSize);
      if (!batch.length) return outcome;
      // Taken before the push: the answer's changes continue this cursor, for this identity, or are not applied.
      const after = this.cursor;
      const cursorKey = `sync.cursor:${this.scope}`;
      let results: PushResult[];
      let lastSeq: number;
      let page: PullResponse | undefined;
      try {
        ({ results, lastSeq, pull: page } = await this.client.push({ clientId, mutations: batch, after, waiting: Math.max(0, this.outbox.countFor(this.owner) - batch.length) }));
      } catch (err) {
        if (err instanceof TeamServerError && err.status === 413 && this.batchSize > 1) {
          this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
          continue;
        }
        if (err instanceof TeamServerError && err.status === 409) {
          // The server already has more than we think (its answer was lost): the pull tells us how far.
          await this.pullAll();
          if (this.outbox.batchFor(this.owner, this.clientId, 1).mutations[0]?.seq !== batch[0]!.seq) continue;
          // Or it has fewer than this desktop numbered (a new or restored server, one that never saw this
          // desktop): had it applied any of what is still here, it would expect a later number, so it has none of
          // it; the waiting changes are numbered again from where the server stands.
          if (err.expectedSeq !== null && err.expectedSeq < batch[0]!.seq) {
            this.log.warn('team sync: the server expects earlier change numbers; numbering the waiting changes again', { from: err.expectedSeq, was: batch[0]!.seq });
            this.outbox.renumber(clientId, err.expectedSeq);
            continue;
          }
          throw err;
        }
        this.outbox.failedIn(clientId, batch.map((b) => b.seq), (err as Error).message);
        throw err;
      }
      this.batchSize = BATCH;
      this.db.transaction(() => {
        for (const r of results) if (r.outcome === 'conflict' || r.outcome === 'rejected') this.needsDecision(r, batch.find((b) => b.seq === r.seq)?.mutation);
        this.outbox.acknowledge(clientId, lastSeq);
      })();
      // A conflict leaves the row as the server has it: shown so at once (no later change may come to fix it).
      const current = results.flatMap((r) => (r.outcome === 'conflict' ? [ServerWorkOrder.safeParse(r.current)] : [])).flatMap((p) => (p.success ? [p.data] : []));
      if (current.length) this.applier.apply(current.map((data) => ({ seq: 0, entity: 'workOrder' as const, data })), () => undefined);
      const caughtUp = page !== undefined && this.cursor === after && cursorKey === `sync.cursor:${this.scope}` && this.applyPage(clientId, page, cursorKey) && !page.more;
      outcome = caughtUp ? 'caughtUp' : 'behind';
      this.emitStatus();
      if (!results.length) return outcome;
    }
  }

  /**
   * A page of the team's feed after this desktop's cursor (a pull's answer, or the one a push's answer carries):
   * what the server applied of hers leaves the outbox first (the acknowledgement travels with the data), so the
   * rows it changed are taken as the server has them; then the changes and the new cursor, in one transaction.
   */
  private applyPage(clientId: string, page: PullResponse, cursorKey: string): true {
    if (page.clientLastSeq !== null) this.outbox.acknowledge(clientId, page.clientLastSeq);
    const { workOrders } = this.applier.apply(page.changes, () => this.saveCursor(page.cursor, cursorKey));
    if (workOrders.length) this.emit('pulled', { workOrders });
    return true;
  }

  private async pullAll(): Promise<void> {
    for (;;) {
      const clientId = this.clientId;
      const cursorKey = `sync.cursor:${this.scope}`;
      const page = await this.client.pull(this.cursor, clientId, this.outbox.countFor(this.owner));
      this.applyPage(clientId, page, cursorKey);
      if (!page.more) return;
    }
  }

  /** For a team lead: her team's desktops and what each still holds (null when this is not a lead's desktop). */
  async teamDesktops(): Promise<TeamDesktop[] | null> {
    if (this.client.user?.role !== 'lead') return null;
    return this.client.desktops();
  }

  /** The signed-in client, for what goes straight to the server (recordings search and audio). */
  get teamClient(): TeamClient {
    return this.client;
  }

  /** For a team lead: who is on her team and its queues (null when this is not a lead's desktop). */
  async teamMembers(): Promise<TeamMembersResponse | null> {
    if (this.client.user?.role !== 'lead') return null;
    return this.client.members();
  }

  private needsDecision(r: PushResult, mutation: unknown): void {
    this.db.prepare('INSERT INTO sync_decisions (outcome, mutation, reason, server_version, at) VALUES (?, ?, ?, ?, ?)')
      .run(r.outcome, JSON.stringify(mutation ?? null), r.reason ?? '', r.current === undefined ? null : JSON.stringify(r.current), Date.now());
    this.log.warn('team sync: a change needs the agent\'s decision', { outcome: r.outcome, reason: r.reason });
  }

  private decisionCount(): number {
    return prepared<[], { n: number }>(this.db, 'SELECT count(*) AS n FROM sync_decisions WHERE decided_at IS NULL').get()!.n;
  }

  /**
   * Opens the live channel; resolves once it is open, or has failed (the desktop then syncs by pulling, and the
   * next run tries again: a channel that never opened is not retried on its own timer, so an unreachable server
   * is not asked twice as often).
   */
  private connectLive(): Promise<void> {
    const token = this.client.token;
    if (!token || this.stopped) return Promise.resolve();
    const url = new URL('/v1/sync/live', this.client.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, maxPayload: 64 * 1024, handshakeTimeout: LIVE_OPEN_TIMEOUT_MS });
    this.live = ws;
    let opened = false;
    const settled = new Promise<void>((resolve) => {
      ws.once('open', resolve);
      ws.once('close', () => resolve());
    });
    // Every 20 s: a ping the server answers (a WebSocket pong) and a message that says she is here. A channel that
    // did not answer the last ping is dead without a word (Wi-Fi changed, a NAT forgot it): dropped, so the desktop
    // connects again instead of waiting for TCP to give up while the safety-net pull runs only every 5 minutes.
    let answered = true;
    ws.on('pong', () => (answered = true));
    const ping = setInterval(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (!answered) return void ws.terminate();
      answered = false;
      ws.ping();
      ws.send('{"type":"ping"}');
    }, LIVE_PING_MS);
    ping.unref();
    ws.on('open', () => {
      opened = true;
      this.liveBackoff.reset();
    });
    // A wake-up names the feed position it announces: nothing to do when a pull already went past it. One that
    // carries the changes is applied as a pull would be; anything else (a gap, a plain wake-up) is a pull.
    ws.on('message', (data: Buffer) => {
      let message: unknown = null;
      try {
        message = JSON.parse(data.toString('utf8'));
      } catch {
        // Not ours to interpret: treated as a plain wake-up.
      }
      const knowledgeDue = this.knowledge?.wants(message) ?? false;
      if (knowledgeDue) this.knowledgeDue = true;
      // Published knowledge alone does not send the desktop to pull the team's feed.
      const settled = KnowledgeLiveMessage.safeParse(message).success || this.settleLive(message);
      if (!settled || knowledgeDue) this.kick(!settled);
    });
    ws.on('error', () => undefined);
    ws.on('close', (code: number) => {
      clearInterval(ping);
      // 4401: the token that opened it expired or her account changed; the next run signs in afresh (refresh
      // token) and opens the channel again, or finds the session ended and says she is signed out.
      if (code === 4401) this.client.forgetAccessToken();
      if (this.live !== ws || this.stopped) return;
      this.live = null;
      // What it announced and was not yet settled is not carried over to another channel (or another team's
      // feed, after her account moved): the next run pulls.
      this.deferred = [];
      if (!opened) return;
      // To open it again, not to pull: its hello says where the feed stands, and a desktop behind that pulls then
      // (a run that cannot open it pulls).
      this.liveRetry = setTimeout(() => this.kick(false), this.liveBackoff.next());
      this.liveRetry.unref();
    });
    return settled;
  }

  /**
   * Whether a live message needs no run of its own: the cursor is past it, or (while a push or pull runs) it waits
   * for that run, whose own pull usually goes past it (a desktop catching up after a fault would otherwise pull
   * once more for every teammate's change meanwhile), or it carries the changes that continue the cursor.
   */
  private settleLive(message: unknown): boolean {
    const parsed = LiveMessage.safeParse(message);
    if (!parsed.success) return false;
    const m = parsed.data;
    if (m.seq >= 0 && m.seq <= this.cursor) return true;
    if (m.seq >= 0 && this.running) {
      this.deferLive(m);
      return true;
    }
    return this.applyLive(m);
  }

  /** Inside a run: it goes round once more and pulls. */
  private askPull(): void {
    this.dirty = true;
    this.pullAskedAt = ++this.kicks;
  }

  private deferLive(m: LiveMessage): void {
    // A run that keeps failing with the channel open: past a bound, one pull after the run replaces them all.
    if (this.deferred.length >= MAX_DEFERRED) {
      this.deferred = [];
      this.askPull();
    } else this.deferred.push(m);
  }

  /**
   * Inside a run, after its pull: the wake-ups that came meanwhile. Those the pull went past are done; one that
   * continues the cursor is applied; one beyond a gap makes the run pull again.
   */
  private applyDeferred(): void {
    const waiting = this.deferred.sort((a, b) => a.seq - b.seq);
    this.deferred = [];
    for (const m of waiting) {
      if (m.seq > this.cursor && !this.applyLive(m, true)) {
        this.askPull();
      }
    }
  }

  /**
   * Applies the changes a wake-up carries when they continue this desktop's cursor. Not while a push or pull is
   * running (unless called by that run, after its pull): an older pull answer must not land over newer live rows.
   */
  private applyLive(m: LiveMessage, inRun = false): boolean {
    if (m.changes === undefined || m.after === undefined || (this.running && !inRun) || this.stopped || m.after > this.cursor) return false;
    const { workOrders } = this.applier.apply(m.changes, () => this.saveCursor(m.seq));
    if (workOrders.length) this.emit('pulled', { workOrders });
    if (this.state === 'synced') {
      this.lastSyncedAt = Date.now();
      this.emitStatus();
    }
    return true;
  }

  private setState(state: SyncStatus['state']): void {
    this.state = state;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.emit('status', this.status());
  }
}
