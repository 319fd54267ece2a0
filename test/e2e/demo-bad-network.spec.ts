import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningShell } from './web-shell-process';
import { wrapUp } from './workspace-page';

// The demo's "bad network" switch impairs the lab's own media path (a relay between rtpengine and the demo
// customer's phone), so anyone trying the demo sees and hears the quality warnings, and sees them go.
let shell: RunningShell;
test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  shell = await startWebShellProcess(['--demo']);
});
test.afterAll(async () => {
  await shell?.stop();
});

test('demo: "bad network" on brings the network warnings into a call; off, they clear', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('call-state')).toContainText('Ringing', { timeout: 30_000 });
  await page.getByTitle('Audio devices').click();
  const bad = page.getByRole('checkbox', { name: /^Demo: bad network/u });
  await bad.check();
  await expect(bad).toBeChecked();
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  const warnings = page.getByTestId('quality-warning');
  // 20–270 ms of random delay and 5% loss: jitter and loss both cross their lines (3 of 5 samples, about 3–5 s).
  await expect(warnings.and(page.locator('[data-kind="jitter"]'))).toContainText('Your side:');
  await expect(warnings.and(page.locator('[data-kind="loss"]'))).toContainText('Your network is dropping audio');
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'poor');
  await bad.uncheck();
  await expect(warnings).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'good');
  await page.getByRole('button', { name: 'Hang up' }).click();
  await wrapUp(page);
});
