import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintCode } from '../../src-main/hosts/web/one-time-codes';

export interface RunningShell {
  /** A fresh address each time it is read: it carries a new one-time code, good for one window. */
  readonly url: string;
  origin: string;
  /** The data folder the shell runs on (its cache and its web session). */
  dataDir: string;
  pid: number;
  /** Trades a fresh one-time code for the session secret, as a page does, and returns the secret. */
  secret(): Promise<string>;
  /** Everything the shell wrote to stderr so far (its JSON log lines). */
  log(): string;
  /** Everything it wrote to stdout so far. */
  stdout(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the task manager would: no shutdown code runs. */
  kill(): Promise<void>;
  /**
   * Ctrl+C in the terminal it runs in: SIGINT to its whole process group, as a terminal sends it (the shell leads a
   * group of its own when started with ownGroup). Resolves with its exit code.
   */
  interrupt(): Promise<number | null>;
}

/**
 * Starts the built web shell (out/main/web.js) as the launcher does, and waits for its ready line. Like the
 * launcher, it hands the shell a launch key (in the environment, which other users cannot read), so it can mint
 * one-time codes for as many windows as a test opens. A data folder it made itself is removed on stop().
 */
export async function startWebShellProcess(args: string[], env: Record<string, string> = {}, { ownGroup = false } = {}): Promise<RunningShell> {
  const ownDataDir = env.AGENT_DESKTOP_DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-'));
  const dataDir = env.AGENT_DESKTOP_DATA_DIR ?? ownDataDir!;
  const launchKey = randomBytes(32);
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', ...args], {
    env: {
      ...process.env,
      AGENT_DESKTOP_DATA_DIR: dataDir,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      AGENT_DESKTOP_LAUNCH_KEY: launchKey.toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: ownGroup,
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const exited = exitCode.then(() => undefined);
  const ready = await new Promise<{ origin: string }>((resolve, reject) => {
    // A bound, not a timing: the demo brings up PostgreSQL, the team server and the lab PBX before its ready line,
    // which took over 30 s with the load average at 11.
    const timer = setTimeout(() => reject(new Error(`web shell not ready in 90 s:\n${stderr.slice(-3000)}`)), 90_000);
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const line = stdout.split('\n').find((l) => l.includes('"web-shell-ready"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { origin: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}:\n${stderr.slice(-3000)}`));
    });
  });
  // Older shells printed only the address.
  const origin = ready.origin ?? new URL((ready as unknown as { url: string }).url).origin;
  const removeOwnDataDir = () => ownDataDir && rmSync(ownDataDir, { recursive: true, force: true });
  let opened = 0;
  return {
    get url() {
      // A query of its own, so going to it always loads the page afresh, as a new window would; an address
      // that differs only after '#' would just scroll the page already open (which keeps working without it).
      return `${origin}/?window=${++opened}#code=${mintCode(launchKey)}`;
    },
    origin,
    dataDir,
    pid: child.pid!,
    async secret() {
      const response = await fetch(`${origin}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ code: mintCode(launchKey) }),
      });
      if (!response.ok) throw new Error(`one-time code refused: HTTP ${response.status}`);
      return ((await response.json()) as { secret: string }).secret;
    },
    log: () => stderr,
    stdout: () => stdout,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async interrupt() {
      if (!ownGroup) throw new Error('interrupt() needs a shell started with ownGroup');
      process.kill(-child.pid!, 'SIGINT');
      const code = await exitCode;
      removeOwnDataDir();
      return code;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      removeOwnDataDir();
    },
  };
}
