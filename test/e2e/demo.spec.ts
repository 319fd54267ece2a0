import { expect, test } from '@playwright/test';
import { TEAMMATES } from '../../src-main/app/demo-team';
import { startWebShellProcess, type RunningShell } from './web-shell-process';
import { wrapUp } from './workspace-page';

// README command 1 in a browser: demo mode brings up the lab PBX, registers the agent and a known customer calls.
let shell: RunningShell;
test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  shell = await startWebShellProcess(['--demo']);
});
test.afterAll(async () => {
  await shell?.stop();
});

test('demo: the agent is registered and a known VIP customer rings with a screen pop; answer, hang up, wrap up by hand', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Connected · Registered as 1001');
  // The demo's first customer calls once its whole lab is up (PBX, team server, PostgreSQL): 30 s, as the other
  // demo tests allow, not the 15 s default, on a loaded machine.
  await expect(page.getByTestId('call-state')).toContainText('Ringing', { timeout: 30_000 });
  const pop = page.getByTestId('screen-pop');
  await expect(pop.getByTestId('customer-name')).toHaveText('王小明');
  await expect(pop.getByTestId('customer-tier')).toHaveText('VIP');
  await expect(pop).toContainText('complaints');
  await expect(pop).toContainText('main>orders>complaint');
  await expect(pop).toContainText('CUST-1001');
  // Sample data came in through the import worker: his history, open complaints and the failed recovery.
  await expect(pop.getByTestId('recovery-warning')).toContainText('WO-DEMO-1');
  await expect(pop.getByTestId('recovery-warning')).toContainText('reopened');
  await expect(pop.getByTestId('open-work-orders')).toContainText('WO-DEMO-2');
  await expect(pop.getByTestId('recent-contacts').locator('li')).toHaveCount(3);
  // The one-time code left the address bar once used.
  expect(page.url()).not.toContain('code=');

  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('call-timer')).toBeVisible();
  await page.getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByTestId('call-state')).toContainText('Call ended');
  // After-call work is the agent's to finish, by hand, in the demo too.
  await expect(page.getByTestId('acw')).toContainText('After-call work');
  await wrapUp(page);
  await expect(page.getByRole('combobox', { name: 'Agent state' })).toHaveValue('ready');
});

test('demo: switching the language at run time relabels the workspace', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Connected');
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('th');
  await expect(page.getByTestId('connection')).toContainText('เชื่อมต่อแล้ว');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await page.getByRole('combobox', { name: 'ภาษา' }).selectOption('zh-TW');
  await expect(page.getByTestId('connection')).toContainText('已連線');
});

test('demo: the demo agent leads a small team, and the floor board shows it live from the PBX', async ({ page }) => {
  await page.goto(shell.url);
  const board = page.getByTestId('floor');
  const row = (ext: string) => board.locator(`[data-testid="floor-row"][data-extension="${ext}"]`);
  await expect(row('1003').getByTestId('floor-state')).toHaveText('Not Ready · Meal');
  await expect(row('1004').getByTestId('floor-state')).toHaveText('After-call work');
  // 李娜 takes the demo's customer calls: the PBX's dialog events put the call on the board.
  await expect(row('1002').getByTestId('floor-call')).toContainText('On a call', { timeout: 30_000 });
  await expect(row('1002').getByRole('button', { name: 'Listen 李娜' })).toBeVisible();
  // The demo lead's threshold for Not Ready is 30 s: สมหญิง's meal break raises an alert on the board.
  await expect(board.getByTestId('floor-alerts')).toContainText('สมหญิง ใจดี: Not Ready for 0 min', { timeout: 40_000 });
});

test("demo: the demo agent's difficult complaint reaches the demo specialist through the team server", async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('sync-status')).toContainText('Synced');
  await expect(page.getByTestId('hotkey-hint')).toBeVisible();
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('work-order-form');
  await form.getByRole('combobox', { name: 'Complaint type' }).selectOption('refund');
  await form.getByRole('textbox', { name: 'What happened' }).fill('Refund promised twice, still not paid');
  await form.getByRole('radio', { name: /Difficult/ }).check();
  await form.getByRole('button', { name: 'File work order' }).click();
  await expect(form.getByTestId('work-order-filed')).toContainText('Filed as WO-');
  const id = /WO-\d{8}-[0-9A-F]{6}/.exec(await form.getByTestId('work-order-filed').innerText())![0];
  await page.keyboard.press('Alt+L');
  const row = page.getByTestId('work-order-list').getByTestId('work-order-row').filter({ hasText: id });
  await expect(row).toContainText('specialists');
  // The specialist's desktop (headless, in the demo process) got it from the server and claims it.
  await expect(row.getByTestId('assignee')).toHaveText('wang.fang', { timeout: 30_000 });
  await expect(row).toContainText('In progress');
  // The demo agent leads the floor: her board asks the team server which desktops still hold unsynced work.
  await expect(page.getByTestId('unsynced-desktops')).toContainText('Every desktop is synced');
});

test("demo: the lead's Reports come from the team server: the floor's last 30 days, in the site's zone, per agent", async ({ page }) => {
  // The demo seeds a year of the floor's history on its team server in the background, a few seconds after start.
  await expect.poll(() => shell.log().includes("a year of the floor's history is on the team server"), { timeout: 60_000 }).toBe(true);
  await page.goto(shell.url);
  await page.getByTestId('floor').getByRole('button', { name: 'Reports', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Reports' });
  await dialog.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Last 30 days' }).click();
  await expect(dialog.getByTestId('reports-range')).toContainText('(Asia/Shanghai)');
  const value = (metric: string) => dialog.locator(`[data-testid="report-tile"][data-metric="${metric}"]`).getByTestId('report-value');
  // A month of a floor's calls: hundreds handled, none of it from this desktop's own cache.
  await expect(value('handled')).toHaveText(/^\d{1,3}(,\d{3})*$/u);
  expect(Number((await value('handled').innerText()).replaceAll(',', ''))).toBeGreaterThan(100);
  await dialog.getByRole('combobox', { name: 'Show' }).selectOption('agent');
  const perAgent = dialog.getByTestId('chart-breakdown-agent');
  await perAgent.getByText('Table').click();
  // Her teammates on the floor board took calls in that month too.
  for (const { name } of TEAMMATES) await expect(perAgent.getByRole('table')).toContainText(name);
  await page.screenshot({ path: 'test-results/demo-team-reports-en.png' });
});
