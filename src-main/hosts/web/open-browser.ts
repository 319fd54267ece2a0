import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Opens the workspace in Chromium's app mode (its own window, no browser chrome) when there is a display.
 * Returns false when there is none, so the caller prints the URL instead.
 */
export function openInChromiumAppMode(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  const chromium = CHROMIUM.find((p) => existsSync(p));
  if (!chromium) return false;
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
  spawn(chromium, args, { stdio: 'ignore', detached: true }).unref();
  return true;
}
