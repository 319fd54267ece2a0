import { SignJWT, jwtVerify } from 'jose';
import { Role } from '../../../src-shared/sync/contract';
import { z } from 'zod';

/** What a verified access token says: who, which team, which role. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  teamId: number | null;
}

const Claims = z.object({ sub: z.string().regex(/^\d+$/), name: z.string(), role: Role, team: z.number().int().nullable(), iat: z.number(), exp: z.number(), at: z.number().optional() });

/** Short-lived HS256 access tokens (jose); the refresh token is what lasts, and it is revocable. */
export class AccessTokens {
  private readonly key: Uint8Array;
  constructor(secret: string, private readonly seconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  get lifetimeSeconds(): number {
    return this.seconds;
  }

  issue(p: Principal): Promise<string> {
    // at: the issue time in milliseconds (iat has whole seconds), so a token from just before a password reset
    // is told from one just after it.
    return new SignJWT({ name: p.username, role: p.role, team: p.teamId, at: Date.now() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(p.userId))
      .setIssuedAt()
      .setExpirationTime(`${this.seconds}s`)
      .setAudience('agent-desktop-team-server')
      .sign(this.key);
  }

  /** The principal with when its token was issued and ends, or null for a forged, expired or malformed token. */
  async verify(token: string): Promise<(Principal & { issuedAt: number; expiresAt: number }) | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience: 'agent-desktop-team-server' });
      const c = Claims.parse(payload);
      return { userId: Number(c.sub), username: c.name, role: c.role, teamId: c.team, issuedAt: c.at ?? c.iat * 1000, expiresAt: c.exp * 1000 };
    } catch {
      return null;
    }
  }
}
