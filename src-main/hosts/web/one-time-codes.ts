import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an address with a one-time code stays good: long enough to copy it from a terminal by hand. */
export const CODE_TTL_MS = 10 * 60_000;

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

/**
 * A code that opens one window into the web shell: `<issued ms>.<nonce>.<HMAC(launch key)>`.
 * Whoever holds the launch key (the shell itself, or the process that launched it) can mint one without asking;
 * the shell takes each only once and only while fresh, so a code seen on a command line is worth nothing later.
 */
export function mintCode(key: Buffer, now = Date.now()): string {
  const body = `${now}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${mac(key, body)}`;
}

export type Redeemed = { ok: true } | { ok: false; why: 'malformed' | 'forged' | 'expired' | 'used' };

export class OneTimeCodes {
  /** Nonces already taken, with when they were issued; forgotten once they would have expired anyway. */
  private readonly used = new Map<string, number>();

  constructor(
    private readonly key: Buffer,
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = CODE_TTL_MS,
  ) {}

  mint(): string {
    return mintCode(this.key, this.clock());
  }

  redeem(code: string): Redeemed {
    const parts = code.split('.');
    if (parts.length !== 3 || code.length > 200) return { ok: false, why: 'malformed' };
    const [issued, nonce, offered] = parts as [string, string, string];
    const expected = Buffer.from(mac(this.key, `${issued}.${nonce}`));
    const given = Buffer.from(offered);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'forged' };
    const now = this.clock();
    const issuedAt = Number(issued);
    if (!Number.isFinite(issuedAt) || now - issuedAt > this.ttlMs || issuedAt - now > 60_000) return { ok: false, why: 'expired' };
    for (const [n, at] of this.used) if (now - at > this.ttlMs) this.used.delete(n);
    if (this.used.has(nonce)) return { ok: false, why: 'used' };
    this.used.set(nonce, issuedAt);
    return { ok: true };
  }
}
