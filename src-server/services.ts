import pg from 'pg';
import type { ServerConfig } from './config';
import { SessionsRepo } from './db/repos/sessions-repo';
import { UsersRepo } from './db/repos/users-repo';
import { AccessTokens } from './services/auth/access-tokens';
import { AccountCache } from './services/auth/account-cache';
import { AuthService } from './services/auth/auth-service';
import { RecordingsService } from './services/recording/recordings-service';
import { PullService } from './services/sync/pull-service';
import { PushService } from './services/sync/push-service';
import { TeamNotifier } from './services/sync/team-notifier';
import { KnowledgeRepo } from './db/repos/knowledge-repo';
import { KnowledgeService } from './services/knowledge/knowledge-service';
import { ReportsService } from './services/reports/reports-service';

export interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Every service of one server process, built from configuration. Nothing here is shared between processes. */
export interface Services {
  pool: pg.Pool;
  /** The reports' own connections (see buildServices). */
  reportsPool: pg.Pool;
  users: UsersRepo;
  /** The accounts every request is checked against, read once per person per few seconds (see AccountCache). */
  accounts: AccountCache;
  sessions: SessionsRepo;
  tokens: AccessTokens;
  auth: AuthService;
  push: PushService;
  pull: PullService;
  notifier: TeamNotifier;
  recordings: RecordingsService;
  knowledge: KnowledgeService;
  reports: ReportsService;
}

export function buildServices(config: ServerConfig, log: Log): Services {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  const reportsPool = new pg.Pool({ connectionString: config.databaseUrl, max: 3, options: '-c statement_timeout=20000' });
  reportsPool.on('error', (err) => log.warn({ error: err.message }, 'idle reports connection lost'));
  reportsPool.on('connect', (client) => client.on('error', (err) => log.warn({ error: err.message }, 'reports connection lost during a request')));
  // A connection that dies while idle (PostgreSQL restarted) must not crash the process.
  pool.on('error', (err) => log.warn({ error: err.message }, 'idle database connection lost'));
  // ...and one lost while a request holds it (between two statements of a transaction) fails that request,
  // which the desktop retries; without a listener its 'error' event would end the process.
  pool.on('connect', (client) => client.on('error', (err) => log.warn({ error: err.message }, 'database connection lost during a request')));
  const users = new UsersRepo(pool);
  const sessions = new SessionsRepo(pool);
  const tokens = new AccessTokens(config.tokenSecret, config.accessTokenSeconds);
  const notifier = new TeamNotifier(config.databaseUrl, log);
  return {
    pool,
    reportsPool,
    users,
    accounts: new AccountCache(users, notifier, config.accountCacheSeconds * 1000),
    sessions,
    tokens,
    auth: new AuthService(users, sessions, tokens, config, log),
    push: new PushService(pool, config, log),
    pull: new PullService(pool),
    notifier,
    recordings: new RecordingsService(pool, config, log),
    knowledge: new KnowledgeService(pool, new KnowledgeRepo(pool), log),
    // Reports get a pool of their own: a lead asking for a year runs many statements at once, and they must never
    // take the connections the desktops' sync needs; a statement that runs away is stopped.
    reports: new ReportsService(reportsPool),
  };
}
