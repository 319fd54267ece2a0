import { join } from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import type { SonicBoom } from 'sonic-boom';
import type { Logger } from './logger';

/** Where the app's log files go, inside its data folder: `<dataDir>/logs/agent-desktop.N.log`. */
export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** A support engineer asks for the last few files; 5 × 10 MiB covers days of calls and stays small on disk. */
export const LOG_FILE_BYTES = 10 * 1024 * 1024;
export const LOG_FILES_KEPT = 5;

/**
 * Field names whose values never reach a log line, at the top level or one level down (e.g. `pbx.password`).
 * The SIP password is the secret that matters; tokens and authorization headers for the same reason.
 */
const SECRET_KEYS = ['password', 'sipPassword', 'secret', 'token', 'authorization'];

export interface AppLogOptions {
  dataDir: string;
  scope: string;
  maxFileBytes?: number;
  filesKept?: number;
  /** Also write each line to stderr, as before (the terminal and the tests' process logs read it). */
  alsoStderr?: boolean;
}

export interface AppLog {
  logger: Logger;
  /** The rotating file stream, for tests and for flushing on quit. */
  file: SonicBoom;
  /** Flushes and closes the file; later lines go to stderr only. */
  close(): Promise<void>;
}

/**
 * The app's logger: one JSON line per entry (same shape as before: t, level, scope, message, fields), written to
 * a file in the data folder that rolls over at `maxFileBytes`, keeping the newest `filesKept`, and to stderr.
 */
export async function openAppLog(options: AppLogOptions): Promise<AppLog> {
  const maxBytes = options.maxFileBytes ?? LOG_FILE_BYTES;
  const file = await pinoRoll({
    file: join(logDir(options.dataDir), 'agent-desktop'),
    extension: '.log',
    size: `${Math.max(1, Math.ceil(maxBytes / 1024))}k`,
    // pino-roll's count does not include the file being written.
    limit: { count: (options.filesKept ?? LOG_FILES_KEPT) - 1, removeOtherLogFiles: true },
    mkdir: true,
  });
  const streams: pino.StreamEntry[] = [{ stream: file }];
  if (options.alsoStderr ?? true) streams.push({ stream: process.stderr });
  const lineOptions: pino.LoggerOptions = {
    base: { scope: options.scope },
    messageKey: 'message',
    timestamp: () => `,"t":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
  };
  const toFile = pino(lineOptions, pino.multistream(streams));
  // Once the file is closed (quitting), a late line from a callback still stopping goes to stderr only: writing
  // to the closed file would throw.
  const afterClose = options.alsoStderr ?? true ? pino(lineOptions, process.stderr) : null;
  let closed = false;
  const entry = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
    closed ? afterClose?.[level](fields ?? {}, message) : toFile[level](fields ?? {}, message);
  return {
    logger: { info: entry('info'), warn: entry('warn'), error: entry('error') },
    file,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        file.once('close', () => resolve());
        file.end();
      }),
  };
}
