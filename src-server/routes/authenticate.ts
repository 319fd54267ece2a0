import type { FastifyRequest } from 'fastify';
import type { UsersRepo } from '../db/repos/users-repo';
import { HttpError } from '../http-error';
import type { AccessTokens } from '../services/auth/access-tokens';
import type { Viewer } from '../services/auth/policy';

/**
 * Whether a token issued at issuedAt (ms, the server process's clock) predates the end of her sessions
 * (PostgreSQL's clock: the same host's, or NTP-synchronised ones).
 */
export const predatesReset = (issuedAt: number, resetAt: Date | null | undefined) => resetAt != null && issuedAt < resetAt.getTime();

/** The viewer behind a request's bearer token; a missing, forged or expired token is 401 and logged. */
export async function authenticate(req: FastifyRequest, tokens: AccessTokens, accounts: Pick<UsersRepo, 'withQueues'>): Promise<Viewer & { issuedAt: number; expiresAt: number }> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const principal = token ? await tokens.verify(token) : null;
  if (!principal) {
    req.log.warn({ from: req.ip, url: req.url, hadToken: token !== '' }, 'request refused: missing, forged or expired token');
    throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in again: your session is missing or has expired.');
  }
  // Role and team are checked again (AccountCache: read once per person per few seconds, dropped the moment an
  // account_changed is heard): a person moved to another team or disabled loses access at once.
  const user = await accounts.withQueues(principal.userId);
  if (!user || user.disabled || user.team_id !== principal.teamId || user.role !== principal.role || predatesReset(principal.issuedAt, user.sessions_reset_at)) {
    req.log.warn({ from: req.ip, user: principal.username }, 'request refused: the token no longer matches the account');
    throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in again: your account has changed.');
  }
  return { userId: user.id, username: user.username, role: user.role, teamId: user.team_id, queues: user.queues, issuedAt: principal.issuedAt, expiresAt: principal.expiresAt };
}
