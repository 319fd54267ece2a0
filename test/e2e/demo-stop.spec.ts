import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { descendantsOf } from './proc';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// README command 1 stopped with Ctrl+C. A terminal sends SIGINT to its whole foreground process group: the lab's
// Kamailio, rtpengine and SIPp used to get it along with the app, so they died while the app was still hanging up
// and unregistering through them (sip.js "Not connected", "lab rtpengine exited"). Now only the app hears it and
// stops the rest in order; rtpengine, which crashed on SIGTERM with a call still up, is killed outright.
let shell: RunningShell | null = null;
test.afterEach(async () => {
  // Only when a test failed before its own Ctrl+C.
  await shell?.stop().catch(() => undefined);
  shell = null;
});

/** The demo up, its first customer ringing in the page. */
async function demoRinging(page: Page): Promise<RunningShell> {
  shell = await startWebShellProcess(['--demo'], {}, { ownGroup: true });
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 1001');
  await expect(page.getByTestId('call-state')).toContainText('Ringing', { timeout: 30_000 });
  return shell;
}

/** Ctrl+C: the shell exits 0, logs nothing gone wrong while stopping, and every process it started has gone. */
async function expectQuietStop(running: RunningShell): Promise<void> {
  const started = descendantsOf(running.pid);
  expect(started.length).toBeGreaterThan(3);
  const logBefore = running.log().length;
  const code = await running.interrupt();
  const stopping = running.log().slice(logBefore);
  shell = null;
  expect(code).toBe(0);
  const complaints = stopping.split('\n').filter((line) => /"level":"(error|fatal)"|Not connected|exited/.test(line));
  expect(complaints).toEqual([]);
  expect(started.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
}

test('demo: Ctrl+C in the middle of a call stops it quietly, in order, and leaves no process behind', async ({ page }) => {
  test.setTimeout(120_000);
  const running = await demoRinging(page);
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  // Media flows through rtpengine (DTLS-SRTP to the page, RTP to SIPp) when the agent presses Ctrl+C.
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'good');
  await expectQuietStop(running);
});

test('demo: Ctrl+C while a customer rings stops it quietly too', async ({ page }) => {
  test.setTimeout(120_000);
  await expectQuietStop(await demoRinging(page));
});
