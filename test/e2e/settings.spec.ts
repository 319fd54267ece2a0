import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { silentLogger } from '../../src-main/app/logger';
import { LabKamailio } from '../../src-main/services/lab-pbx/kamailio';
import { messages } from '../../src-renderer/i18n/messages';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// A desktop nobody has set up yet, in real Chromium against the web shell and the real lab Kamailio: the
// first-run screen, a wrong password that fails once and is not retried, then the right one, all without
// restarting the shell or reloading the page. Then the settings dialog refuses plain ws:// to a remote PBX,
// in Thai and in Chinese.
const agent = { extension: '3101', password: 'e2e-secret-3101' };
let pbx: LabKamailio;
let shell: RunningShell;
let dataDir: string;

test.beforeAll(async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-settings-'));
  pbx = new LabKamailio({ labDir: join(process.cwd(), 'test', 'lab'), runDir, agents: [agent], logger: silentLogger });
  await pbx.start();
  dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-settings-data-'));
  // No PBX address, extension or password from the environment: unconfigured, as on a new desk.
  shell = await startWebShellProcess([], { AGENT_DESKTOP_DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await shell?.stop();
  await pbx?.stop();
});

async function fillPhone(form: Locator, password: string): Promise<void> {
  await form.getByLabel('PBX WebSocket address').fill(pbx.wsUrl);
  await form.getByLabel('SIP domain').fill('127.0.0.1');
  await form.getByLabel('Extension').fill(agent.extension);
  await form.getByLabel('Display name').fill('Agent 3101');
  await form.getByLabel('SIP password').fill(password);
}

/** Marks this page: the mark is gone if the page was reloaded. */
const markPage = (page: Page) => page.evaluate('window.notReloaded = true');
const stillSamePage = (page: Page) => page.evaluate('window.notReloaded === true');

test('the first-run screen in zh-CN, zh-TW, th and en: no serious accessibility findings (axe), screenshots', async ({ page }) => {
  await page.goto(shell.url);
  const firstRun = page.getByTestId('first-run');
  const findings: string[] = [];
  let current: keyof typeof messages = 'en';
  for (const locale of ['zh-CN', 'zh-TW', 'th', 'en'] as const) {
    // The form's own language choice shows the screen in that language at once.
    await firstRun.getByRole('combobox', { name: messages[current]['app.language'], exact: true }).selectOption(locale);
    current = locale;
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(firstRun.getByRole('heading', { name: messages[locale]['settings.firstRun.title'] })).toBeVisible();
    await page.screenshot({ path: `test-results/a11y-first-run-${locale}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    findings.push(
      ...violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${locale}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
  }
  expect(findings).toEqual([]);
});

test('first run: a wrong password fails once with "check your password"; the right one registers, no restart', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(shell.url);
  const firstRun = page.getByTestId('first-run');
  await expect(firstRun.getByRole('heading', { name: 'Set up your phone' })).toBeVisible();
  await markPage(page);

  await fillPhone(firstRun, 'wrong-password');
  await firstRun.getByRole('button', { name: 'Save and connect' }).click();
  const status = firstRun.getByTestId('settings-status');
  await expect(status).toHaveText('Phone: Failed: check your password');
  // One REGISTER, its digest challenge answered once, refused: two in all.
  await expect.poll(() => pbx.registersFrom(agent.extension)).toBe(2);

  // The browser reports the network back, which makes a working phone check its link at once; then the link's
  // own keepalive (every 15 s) reaches the PBX: by then a phone that retried would have sent more REGISTERs.
  await page.evaluate(`window.dispatchEvent(new Event('online'))`);
  await expect.poll(() => pbx.keepalivesFrom(agent.extension), { timeout: 25_000 }).toBeGreaterThan(0);
  expect(pbx.registersFrom(agent.extension)).toBe(2);
  await expect(status).toHaveText('Phone: Failed: check your password');

  await firstRun.getByLabel('SIP password').fill(agent.password);
  await firstRun.getByRole('button', { name: 'Save and connect' }).click();
  // Registered: the first-run screen gives way to the workspace.
  await expect(page.getByTestId('connection')).toContainText('Registered as 3101');
  await expect(firstRun).toHaveCount(0);
  expect(await stillSamePage(page)).toBe(true);
  // Its challenged and its answered REGISTER: their lines in the PBX's log may trail the page, and the next test
  // counts from here.
  await expect.poll(() => pbx.registersFrom(agent.extension)).toBe(4);

  // config.json holds the settings and no secret.
  const config = readFileSync(join(dataDir, 'config.json'), 'utf8');
  expect(JSON.parse(config)).toMatchObject({ pbx: { server: pbx.wsUrl, domain: '127.0.0.1', extension: '3101', displayName: 'Agent 3101' } });
  expect(config).not.toContain(agent.password);
  expect(config).not.toContain('wrong-password');
});

test('settings refuse plain ws:// to a PBX off this computer, in Thai and in Chinese, and change nothing', async ({ page }) => {
  await page.goto(shell.url);
  // Configured now (this session keeps the password): straight to the workspace.
  await expect(page.getByTestId('connection')).toContainText('Registered as 3101');
  const registers = pbx.registersFrom(agent.extension);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  // Its name changes with the language chosen below.
  const settings = page.getByTestId('settings');
  await expect(settings.getByLabel('PBX WebSocket address')).toHaveValue(pbx.wsUrl);
  await expect(settings.getByLabel('SIP password')).toHaveValue('');

  await settings.getByRole('combobox', { name: 'Language' }).selectOption('th');
  await settings.getByLabel(messages.th['settings.server']).fill('ws://pbx.example.com:8080/ws');
  await settings.getByRole('button', { name: messages.th['settings.save'] }).click();
  const error = settings.getByRole('alert');
  await expect(error).toHaveText(messages.th['settings.issue.wssRequired']);
  await expect(settings.getByLabel(messages.th['settings.server'])).toHaveAttribute('aria-invalid', 'true');

  await settings.getByRole('combobox', { name: messages.th['app.language'] }).selectOption('zh-CN');
  await expect(error).toHaveText(messages['zh-CN']['settings.issue.wssRequired']);
  await expect(page.getByRole('dialog', { name: messages['zh-CN']['settings.title'] })).toBeVisible();

  // Nothing was saved: the file still names the lab PBX and the phone never restarted.
  expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')).pbx.server).toBe(pbx.wsUrl);
  expect(pbx.registersFrom(agent.extension)).toBe(registers);
  await settings.getByRole('button', { name: messages['zh-CN']['settings.close'] }).click();
  await expect(page.getByTestId('connection')).toContainText(messages['zh-CN']['connection.registered'].replace('{extension}', '3101'));
});
