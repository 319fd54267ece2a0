import { randomBytes } from 'node:crypto';
import type { TokenResponse } from '../../../src-shared/sync/contract';
import type { ServerConfig } from '../../config';
import type { SessionsRepo } from '../../db/repos/sessions-repo';
import type { UserRow, UsersRepo } from '../../db/repos/users-repo';
import { HttpError } from '../../http-error';
import type { AccessTokens } from './access-tokens';
import { verifyPassword } from './passwords';

interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

// Compared against when the user name is unknown, so a wrong name takes as long as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

/** Sign-in, token refresh and sign-out. Wrong passwords are counted in PostgreSQL, so every process sees them. */
export class AuthService {
  constructor(
    private readonly users: UsersRepo,
    private readonly sessions: SessionsRepo,
    private readonly tokens: AccessTokens,
    private readonly config: Pick<ServerConfig, 'refreshTokenDays' | 'maxLoginFailures' | 'loginWindowMinutes' | 'maxLoginFailuresPerAddress'>,
    private readonly log: Log,
  ) {}

  async signIn(username: string, password: string, from: string): Promise<TokenResponse> {
    // The attempt is counted before the password is checked, so a burst of parallel guesses is counted too; a
    // right password clears the count.
    await this.sessions.recordFailure(username, from);
    const window = this.config.loginWindowMinutes;
    const retryAfter = (oldest: Date | null) => (oldest ? Math.max(1, Math.ceil((oldest.getTime() + window * 60_000 - Date.now()) / 1000)) : 60);
    // Many names guessed from one address: limited as a whole, so a guesser cannot try five on every name.
    const fromAddress = await this.sessions.recentFailuresFrom(from, window);
    if (fromAddress.count > this.config.maxLoginFailuresPerAddress) {
      const after = retryAfter(fromAddress.oldest);
      this.log.warn({ username, from, failures: fromAddress.count }, 'sign-in refused: too many wrong passwords from this address');
      throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many wrong passwords from this computer's address. Try again in ${Math.ceil(after / 60)} min.`, {
        'retry-after': String(after),
      });
    }
    const failures = await this.sessions.recentFailures(username, window);
    if (failures.count > this.config.maxLoginFailures) {
      const after = retryAfter(failures.oldest);
      this.log.warn({ username, from, failures: failures.count }, 'sign-in refused: too many wrong passwords');
      throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many wrong passwords for ${username}. Try again in ${Math.ceil(after / 60)} min or ask your team lead to reset it.`, {
        'retry-after': String(after),
      });
    }
    const user = await this.users.byName(username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      this.log.warn({ username, from }, 'sign-in failed');
      throw new HttpError(401, 'BAD_CREDENTIALS', 'Wrong user name or password.');
    }
    await this.sessions.clearFailures(username);
    await this.sessions.setSignedIn(user.id, true);
    this.log.info({ username, from }, 'signed in');
    return this.issue(user);
  }

  async refresh(refreshToken: string, from: string): Promise<TokenResponse> {
    const spent = await this.sessions.spendRefresh(refreshToken);
    if (!spent) throw new HttpError(401, 'BAD_REFRESH', 'Your session has ended: sign in again.');
    if ('reused' in spent) {
      this.log.warn({ userId: spent.reused, from }, 'refresh token used twice: every session of this user revoked');
      throw new HttpError(401, 'BAD_REFRESH', 'Your session has ended: sign in again.');
    }
    const user = await this.users.byId(spent.userId);
    if (!user || user.disabled) throw new HttpError(401, 'BAD_REFRESH', 'Your session has ended: sign in again.');
    await this.sessions.setSignedIn(user.id, true);
    return this.issue(user);
  }

  async signOut(userId: number): Promise<void> {
    await this.sessions.revokeAll(userId);
    await this.sessions.setSignedIn(userId, false);
  }

  private async issue(user: UserRow): Promise<TokenResponse> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.storeRefresh(user.id, refreshToken, this.config.refreshTokenDays);
    const accessToken = await this.tokens.issue({ userId: user.id, username: user.username, role: user.role, teamId: user.team_id });
    return { accessToken, expiresIn: this.tokens.lifetimeSeconds, refreshToken, user: await this.users.sessionUser(user) };
  }
}
