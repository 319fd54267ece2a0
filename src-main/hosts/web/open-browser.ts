import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium window the shell opened, with its own throwaway profile. */
export interface AppWindow {
  /** Closes the window and removes its profile. */
  close(): Promise<void>;
}

/**
 * Opens the workspace in Chromium's app mode (its own window, no browser chrome) when there is a display.
 * Returns null when there is none, so the caller prints the URL instead. The profile folder goes away when
 * the window closes or the shell stops, so they do not pile up in /tmp. `url` should carry only a one-time code:
 * any local user can read a command line.
 */
export function openInChromiumAppMode(url: string, env: NodeJS.ProcessEnv = process.env): AppWindow | null {
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  const chromium = CHROMIUM.find((p) => existsSync(p));
  if (!chromium) return null;
  const profile = mkdtempSync(join(tmpdir(), 'agent-desktop-chromium-'));
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--window-size=1366,768',
    // The demo's media relay (the lab rtpengine) listens on 127.0.0.1, which WebRTC otherwise leaves out.
    '--allow-loopback-in-peer-connection',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // Its own process group, so closing it takes its helper processes (zygote, renderers) along.
  const child = spawn(chromium, args, { stdio: 'ignore', detached: true, env });
  child.unref();
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  const exited = new Promise<void>((resolve) => {
    const done = () => {
      removeProfile();
      resolve();
    };
    if (child.exitCode !== null) done();
    else child.once('exit', done);
    child.once('error', done);
  });
  return {
    async close() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      await exited;
    },
  };
}
