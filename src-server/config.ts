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
  /** A signed-in desktop not seen for this long counts as offline (its due callbacks fall to the team). */
  offlineAfterSeconds: z.coerce.number().int().min(5).max(3600).default(90),
  tokenSecret: z.string().min(32, 'the token secret must be at least 32 characters'),
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
    maxLoginFailuresPerAddress: env.AGENT_SERVER_MAX_LOGIN_FAILURES_PER_ADDRESS,
    accessTokenSeconds: env.AGENT_SERVER_ACCESS_TOKEN_SECONDS,
  };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) raw[k] = v;
  const secretFile = env.AGENT_SERVER_TOKEN_SECRET_FILE ?? (raw.tokenSecretFile as string | undefined);
  raw.tokenSecret = env.AGENT_SERVER_TOKEN_SECRET ?? (secretFile ? readFileSync(secretFile, 'utf8').trim() : undefined);
  delete raw.tokenSecretFile;
  const parsed = ServerConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`server configuration: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
