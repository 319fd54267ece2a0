import { createHmac, randomBytes } from 'node:crypto';
import { ContractError } from '../../src-shared/contract';
import type { SyncStatus } from '../../src-shared/domain/sync-status';
import type { TeamSessionState, TeamSessionView, TeamSignIn } from '../../src-shared/domain/team-session';
import type { Cache } from '../services/db/cache';
import { TeamClient, TeamServerError, type RefreshTokenStore } from '../services/sync/team-client';
import type { KnowledgePull } from '../services/sync/knowledge-pull';
import { TeamSync } from '../services/sync/team-sync';
import type { AppConfig } from './config';
import { writeTeamChange } from './config-file';
import type { Logger } from './logger';

export interface TeamSessionOptions {
  cache: Cache;
  dataDir: string;
  /** Where the refresh token lives: the keychain (Electron) or this process's memory (web shell). */
  tokens: RefreshTokenStore;
  sessionKept: TeamSessionView['sessionKept'];
  editable: boolean;
  config(): AppConfig;
  /** The team section changed (signed in from settings): the running configuration takes it. */
  teamChanged(team: NonNullable<AppConfig['team']>): void;
  /** Who this desktop's work belongs to (the team user name). */
  me(): string;
  /** The shared-knowledge pull that goes with a sync worker (articles and templates published on the server). */
  knowledge?(client: TeamClient): KnowledgePull;
  /** A sync worker started (or was replaced): its events are the app's. */
  attach(sync: TeamSync): void;
  statusChanged(status: SyncStatus): void;
  logger: Logger;
}

/**
 * Holds a refresh token in memory until the sign-in it came from is taken, then hands it to the real store; so a
 * refused sign-in never overwrites the session the desktop already has.
 */
class HandOverStore implements RefreshTokenStore {
  private token: string | null = null;
  private target: RefreshTokenStore | null = null;
  load = async () => (this.target ? this.target.load() : this.token);
  save = async (token: string | null) => {
    this.token = token;
    if (this.target) await this.target.save(token);
  };
  async handTo(target: RefreshTokenStore): Promise<void> {
    this.target = target;
    await target.save(this.token);
  }
}

/**
 * The desktop's session with its team server: started from config.json, or signed in from the settings screen
 * and applied at once (a desktop that was alone starts syncing, one signed in as someone else switches). A
 * password the server refused is remembered only as a keyed hash in memory, so the same one is not sent again
 * until she types another; the password itself is used once and forgotten.
 */
export class TeamSession {
  private sync: TeamSync | null = null;
  private outcome: { state: TeamSessionState; retryAfterS: number | null } | null = null;
  private refused: string | null = null;
  /** Signed out from settings: the worker is stopped, whatever a later failed sign-in says. */
  private ended = false;
  private readonly fingerprintKey = randomBytes(32);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TeamSessionOptions) {}

  get current(): TeamSync | null {
    return this.sync;
  }

  /** Starts with config.json's team section, if any (the password from the host's environment, if any). */
  start(password: string | null): void {
    const team = this.options.config().team;
    if (!team) return;
    this.run(new TeamClient(team.server, team.username, this.options.tokens, password));
  }

  status(): SyncStatus | null {
    if (!this.sync) return null;
    const s = this.sync.status();
    return this.ended ? { ...s, state: 'signed-out', user: null } : s;
  }

  view(): TeamSessionView {
    const team = this.options.config().team;
    const base = {
      server: team?.server ?? null,
      username: team?.username ?? null,
      sessionKept: this.options.sessionKept,
      editable: this.options.editable,
    };
    if (this.outcome) return { ...base, ...this.outcome, user: null };
    const s = this.sync?.status();
    if (!s) return { ...base, state: 'none', user: null, retryAfterS: null };
    const state: TeamSessionState = s.state === 'signed-out' ? 'signed-out' : s.state === 'offline' ? 'unreachable' : s.user ? 'signed-in' : 'unreachable';
    return { ...base, state, user: s.user, retryAfterS: null };
  }

  signIn(request: TeamSignIn): Promise<TeamSessionView> {
    const run = this.queue.then(() => this.signInNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  signOut(): Promise<TeamSessionView> {
    const run = this.queue.then(async () => {
      await this.sync?.stop(true);
      this.outcome = { state: 'signed-out', retryAfterS: null };
      this.ended = true;
      this.options.logger.info('team server: signed out from settings');
      const status = this.status();
      if (status) this.options.statusChanged(status);
      return this.view();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async stop(signOut: boolean): Promise<void> {
    await this.queue;
    await this.sync?.stop(signOut);
  }

  private fingerprint(r: TeamSignIn): string {
    return createHmac('sha256', this.fingerprintKey).update(`${r.server}\n${r.username}\n${r.password}`).digest('hex');
  }

  private async signInNow(request: TeamSignIn): Promise<TeamSessionView> {
    this.assertEditable();
    const log = this.options.logger;
    if (this.refused === this.fingerprint(request)) {
      log.info('team server: the password it refused was not sent again', { server: request.server, username: request.username });
      return this.view();
    }
    const store = new HandOverStore();
    const client = new TeamClient(request.server, request.username, store, request.password);
    try {
      await client.signIn();
    } catch (err) {
      const e = err instanceof TeamServerError ? err : new TeamServerError(0, (err as Error).message);
      if (e.status === 401) this.refused = this.fingerprint(request);
      const state: TeamSessionState = e.status === 401 ? 'wrong-password' : e.status === 429 ? 'locked' : 'unreachable';
      log.warn('team server: sign-in from settings failed', { server: request.server, username: request.username, status: e.status });
      this.outcome = { state, retryAfterS: e.retryAfterMs === null ? null : Math.ceil(e.retryAfterMs / 1000) };
      return { ...this.view(), server: request.server, username: request.username };
    }
    const before = this.options.config().team;
    const sameSession = before?.server === request.server && before.username === request.username;
    // Another person's (or server's) session ends on the server; her own earlier one is simply replaced.
    await this.sync?.stop(!sameSession);
    await store.handTo(this.options.tokens);
    writeTeamChange(this.options.dataDir, { server: request.server, username: request.username });
    this.options.teamChanged({ server: request.server, username: request.username });
    this.refused = null;
    this.outcome = null;
    log.info('team server: signed in from settings', { server: request.server, username: request.username });
    this.run(client);
    return this.view();
  }

  private run(client: TeamClient): void {
    const { cache, logger } = this.options;
    // From now on the changes the team must see are queued (a desktop that was alone starts here).
    cache.sync.enabled = true;
    this.ended = false;
    this.sync = new TeamSync(cache.workOrdersDb, cache.outbox, client, logger, () => this.options.me(), cache.db, this.options.knowledge?.(client));
    this.options.attach(this.sync);
    this.sync.start();
  }

  private assertEditable(): void {
    if (this.options.editable) return;
    throw new ContractError('UNAVAILABLE', 'Demo mode runs its own team server; its settings cannot be changed.', undefined, { key: 'mainError.settings.demo' });
  }
}
