import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningShell {
  url: string;
  origin: string;
  token: string;
  /** Its AGENT_DESKTOP_DATA_DIR (a fresh temporary folder unless the caller set one). */
  dataDir: string;
  /** Everything the shell wrote to stderr so far (its JSON log lines). */
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the task manager would: no shutdown code runs. */
  kill(): Promise<void>;
}

/** Starts the built web shell (out/main/web.js) as a user would, and waits for its ready line. */
export async function startWebShellProcess(args: string[], env: Record<string, string> = {}): Promise<RunningShell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', ...args], {
    env: { ...process.env, AGENT_DESKTOP_DATA_DIR: dataDir, DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web shell not ready in 30 s:\n${stderr.slice(-3000)}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const line = stdout.split('\n').find((l) => l.includes('"web-shell-ready"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}:\n${stderr.slice(-3000)}`));
    });
  });
  const url = new URL(ready.url);
  return {
    url: ready.url,
    origin: url.origin,
    token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '',
    dataDir: env.AGENT_DESKTOP_DATA_DIR ?? dataDir,
    log: () => stderr,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
