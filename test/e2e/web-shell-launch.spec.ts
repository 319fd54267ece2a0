import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { commandLines, descendantsOf, environmentOf } from './proc';
import { startWebShellProcess, type RunningShell } from './web-shell-process';
import { startXvfb, type VirtualDisplay } from './xvfb';

// The shell as `npm run demo` starts it on a desk with a display: it opens its own Chromium window, and the lab
// PBX (Kamailio, rtpengine) and the customer's phone (SIPp) run as its children. Nothing secret may leak to them,
// nor to any other local user reading /proc, and nothing may be left behind in /tmp.
const sipPassword = `sip-pw-${Date.now()}-e2e`;
let xvfb: VirtualDisplay;
let shell: RunningShell;

const chromiumOf = (pid: number) =>
  commandLines().find((p) => descendantsOf(pid).includes(p.pid) && p.cmdline.includes('--user-data-dir=') && p.cmdline.includes('--app='));

test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  xvfb = await startXvfb();
  shell = await startWebShellProcess(['--demo', '--open'], { DISPLAY: xvfb.display, AGENT_DESKTOP_SIP_PASSWORD: sipPassword });
  await expect.poll(() => chromiumOf(shell.pid), { timeout: 30_000 }).toBeTruthy();
});
test.afterAll(async () => {
  await shell?.stop();
  await xvfb?.stop();
});

test('the SIP password and the launch key reach no child process', async () => {
  await expect.poll(() => shell.stdout()).toContain('"web-shell-ready"');
  const children = descendantsOf(shell.pid);
  const names = commandLines().filter((p) => children.includes(p.pid)).map((p) => p.cmdline);
  expect(names.some((c) => c.includes('kamailio'))).toBe(true);
  expect(names.some((c) => c.includes('--app='))).toBe(true);
  for (const pid of children) {
    const environment = environmentOf(pid).join('\n');
    expect(environment, `process ${pid}`).not.toContain(sipPassword);
    expect(environment, `process ${pid}`).not.toContain('AGENT_DESKTOP_SIP_PASSWORD');
    expect(environment, `process ${pid}`).not.toContain('AGENT_DESKTOP_LAUNCH_KEY');
  }
});

test('the window joins with a one-time code; the session secret is on no command line and in no log line', async () => {
  await expect.poll(() => shell.log()).toContain('a window joined with a one-time code');
  const secret = await shell.secret();
  expect(commandLines().filter((p) => p.cmdline.includes(secret))).toEqual([]);
  expect(shell.log() + shell.stdout()).not.toContain(secret);
  // What other users can read on Chromium's command line is a code already spent.
  const code = /#code=([^\s&]+)/.exec(chromiumOf(shell.pid)!.cmdline)![1]!;
  const again = await fetch(`${shell.origin}/session`, { method: 'POST', headers: { origin: shell.origin }, body: JSON.stringify({ code }) });
  expect(again.status).toBe(401);
});

test('stopping the shell closes its window and removes its Chromium profile', async () => {
  const chromium = chromiumOf(shell.pid)!;
  const profile = /--user-data-dir=(\S+)/.exec(chromium.cmdline)![1]!;
  expect(existsSync(profile)).toBe(true);
  await shell.stop();
  expect(existsSync(profile)).toBe(false);
  // The shell waits for the browser process; its helpers (zygote, renderers) got the same SIGTERM as a group and
  // finish exiting on their own time, a little after it on a loaded machine.
  await expect.poll(() => commandLines().filter((p) => p.cmdline.includes(profile))).toEqual([]);
});
