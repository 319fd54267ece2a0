import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The web shell's session secret and port, kept in the data folder (readable by this user only) so a restarted
 * shell listens where the open page expects it and accepts the secret the page already holds: the page
 * reconnects by itself. Losing the file only means windows must be opened again from the launcher.
 */
const WebSession = z.object({ secret: z.string().regex(/^[0-9a-f]{64}$/), port: z.number().int().min(1).max(65535).nullable() });
export type WebSession = z.infer<typeof WebSession>;

const FILE = 'web-shell-session.json';

export function loadWebSession(dataDir: string): WebSession {
  try {
    return WebSession.parse(JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')));
  } catch {
    return { secret: randomBytes(32).toString('hex'), port: null };
  }
}

export function saveWebSession(dataDir: string, session: WebSession): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, FILE), JSON.stringify(session), { mode: 0o600 });
}
