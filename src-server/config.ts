import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The server's settings: a JSON file (AGENT_SERVER_CONFIG) then environment overrides. Secrets never come from
 * the file or the command line: the token secret is read from a file of its own (mode 0600) or the environment.
 */
export const ServerConfig = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8470),
  /** postgres://user@host:port/db — a password, if any, comes from PGPASSWORD, never from here. */
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'databaseUrl must be a postgres:// URL'),
  accessTokenSeconds: z.coerce.number().int().min(5).max(3600).default(600),
  refreshTokenDays: z.coerce.number().int().min(1).max(90).default(30),
  /** Wrong passwords allowed per user name in loginWindowMinutes before sign-in is refused for a while. */
  maxLoginFailures: z.coerce.number().int().min(1).max(100).default(5),
  loginWindowMinutes: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Wrong passwords allowed from one client address in loginWindowMinutes, whatever the user names (one guesser
   * trying many names). Generous: a floor behind one NAT address shares it, and only failures count.
   */
  maxLoginFailuresPerAddress: z.coerce.number().int().min(1).max(10_000).default(30),
  bodyLimitBytes: z.coerce.number().int().min(1024).max(10_000_000).default(1_000_000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Specialist queue per route (difficult → specialists, major → complaints lead). */
  routeQueues: z.object({ specialist: z.string().default('specialists'), 'complaints-lead': z.string().default('complaints-lead') }).default({ specialist: 'specialists', 'complaints-lead': 'complaints-lead' }),
  /**
   * How long a server process keeps a person's account between reads. A change made through the admin CLI or the
   * API drops it at once (account_changed); only a change made by hand in SQL waits this long.
   */
  accountCacheSeconds: z.coerce.number().int().min(0).max(60).default(5),
  /** A signed-in desktop not seen for this long counts as offline (its due callbacks fall to the team). */
  offlineAfterSeconds: z.coerce.number().int().min(5).max(3600).default(90),
  /** How often due callbacks of offline agents are looked for (a callback falls to the team within this). */
  callbackSweepSeconds: z.coerce.number().int().min(1).max(3600).default(2),
  tokenSecret: z.string().min(32, 'the token secret must be at least 32 characters'),
  /** Where call recordings are kept, each file named by its id; without it the server takes no recordings. */
  recordingsDir: z.string().min(1).optional(),
  recordingMaxBytes: z.coerce.number().int().min(1024).max(2_000_000_000).default(512 * 1024 * 1024),
  /** Days a recording is kept, by the call's queue (else `days`); then the server deletes it. */
  recordingRetention: z
    .object({ days: z.number().int().min(1).max(3650).default(90), queues: z.record(z.string(), z.number().int().min(1).max(3650)).default({}) })
    .default({ days: 90, queues: {} }),
  recordingSweepSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Whether an agent may find and play her own calls (a lead always hears her team's). */
  agentsHearOwnRecordings: z.boolean().default(true),
  /** The key the PBX's recording hook presents; from a file of its own (0600) or the environment, like the token secret. */
  pbxKey: z.string().min(32, 'the PBX key must be at least 32 characters').optional(),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let raw: Record<string, unknown> = {};
  if (env.AGENT_SERVER_CONFIG) raw = JSON.parse(readFileSync(env.AGENT_SERVER_CONFIG, 'utf8')) as Record<string, unknown>;
  const overrides: Record<string, string | undefined> = {
    host: env.AGENT_SERVER_HOST,
    port: env.AGENT_SERVER_PORT,
    databaseUrl: env.AGENT_SERVER_DATABASE_URL,
    logLevel: env.AGENT_SERVER_LOG_LEVEL,
    recordingsDir: env.AGENT_SERVER_RECORDINGS_DIR,
    maxLoginFailuresPerAddress: env.AGENT_SERVER_MAX_LOGIN_FAILURES_PER_ADDRESS,
    accessTokenSeconds: env.AGENT_SERVER_ACCESS_TOKEN_SECONDS,
    accountCacheSeconds: env.AGENT_SERVER_ACCOUNT_CACHE_SECONDS,
    callbackSweepSeconds: env.AGENT_SERVER_CALLBACK_SWEEP_SECONDS,
  };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) raw[k] = v;
  const secretFile = env.AGENT_SERVER_TOKEN_SECRET_FILE ?? (raw.tokenSecretFile as string | undefined);
  raw.tokenSecret = env.AGENT_SERVER_TOKEN_SECRET ?? (secretFile ? readFileSync(secretFile, 'utf8').trim() : undefined);
  delete raw.tokenSecretFile;
  const pbxKeyFile = env.AGENT_SERVER_PBX_KEY_FILE ?? (raw.pbxKeyFile as string | undefined);
  raw.pbxKey = env.AGENT_SERVER_PBX_KEY ?? (pbxKeyFile ? readFileSync(pbxKeyFile, 'utf8').trim() : undefined);
  delete raw.pbxKeyFile;
  const parsed = ServerConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`server configuration: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
