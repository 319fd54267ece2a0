import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { silentLogger } from '../../src-main/app/logger';
import { CustomerPhone } from '../../src-main/services/lab-pbx/customer-phone';
import { LabKamailio } from '../../src-main/services/lab-pbx/kamailio';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// The agent's day in the call bar, in real Chromium against the web shell, the lab Kamailio and SIPp:
// say Ready, take a call, hold it, hang up, finish after-call work with a disposition; lose the PBX and see why.
const labDir = join(process.cwd(), 'test', 'lab');
const agent = { extension: '3001', password: 'e2e-secret-3001' };
let pbx: LabKamailio;
let customer: CustomerPhone;
let shell: RunningShell;

test.beforeAll(async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-states-'));
  pbx = new LabKamailio({ labDir, runDir, agents: [agent], logger: silentLogger });
  await pbx.start();
  customer = new CustomerPhone(labDir, runDir, () => pbx.sipPort);
  shell = await startWebShellProcess([], {
    AGENT_DESKTOP_PBX_URL: pbx.wsUrl,
    AGENT_DESKTOP_EXTENSION: agent.extension,
    AGENT_DESKTOP_SIP_PASSWORD: agent.password,
  });
});
test.afterAll(async () => {
  customer?.stopAll();
  await shell?.stop();
  await pbx?.stop();
});

test('Ready, answer, hold shown after the PBX confirmed it, hang up, after-call work left only with a disposition', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 3001');
  const state = page.getByRole('combobox', { name: 'Agent state' });
  await state.selectOption('ready');
  await expect(state).toHaveValue('ready');

  const run = await customer.talk({ caller: '+8613812345678', callerName: 'Hold me', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(page.getByTestId('hold-state')).toHaveText('On hold');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('hold-state')).toHaveCount(0);
  await page.getByRole('button', { name: 'Mute' }).click();
  await expect(page.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);

  const acw = page.getByTestId('acw');
  await expect(acw).toContainText('After-call work');
  await expect(acw.getByRole('button', { name: 'Done' })).toBeDisabled();
  await acw.getByRole('button', { name: 'More time' }).click();
  await expect(acw.getByRole('button', { name: 'More time' })).toBeDisabled();
  await acw.getByRole('combobox', { name: 'Disposition' }).selectOption('resolved');
  await acw.getByRole('button', { name: 'Done' }).click();
  await expect(state).toHaveValue('ready');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('th');
  await expect(page.getByRole('combobox', { name: 'สถานะเจ้าหน้าที่' })).toBeVisible();
  await page.getByRole('combobox', { name: 'ภาษา' }).selectOption('en');
});

test('the PBX goes away and comes back: the call bar says why and recovers by itself', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 3001');
  await pbx.stop();
  await expect(page.getByTestId('link-reason')).toContainText(/Connection to the PBX lost|Cannot reach the PBX/);
  await pbx.start();
  await expect(page.getByTestId('connection')).toContainText('Registered as 3001', { timeout: 10_000 });
  await expect(page.getByTestId('link-reason')).toHaveCount(0);
});
