import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// The reply composer on the demo's first call: 王小明 (VIP, queue 'complaints', zh-CN) ringing.
let shell: RunningShell;
test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  shell = await startWebShellProcess(['--demo']);
});
test.afterAll(async () => {
  await shell?.stop();
});

test('reply: a shortcut inserts a template filled from the pop, gaps shown as labels, never braces', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('screen-pop').getByTestId('customer-name')).toHaveText('王小明');
  const composer = page.getByTestId('composer');
  await expect(composer.getByRole('combobox', { name: 'Write the reply in' })).toHaveValue('zh-CN');
  const picker = composer.getByRole('searchbox', { name: 'Template or shortcut' });
  await picker.fill('/late');
  await expect(composer.getByTestId('template-list')).toContainText('/late');
  await picker.press('Enter');
  const draft = composer.getByTestId('reply-draft');
  await expect(draft).toHaveValue(/王小明/);
  await expect(draft).not.toHaveValue(/\{\{|\}\}/);

  // Copy first shows what is still missing: the order number the pop could not know.
  await composer.getByRole('button', { name: 'Copy reply' }).click();
  const check = composer.getByTestId('send-check');
  await expect(check).toContainText('Fill in the order number');
  await check.getByRole('button', { name: 'Keep editing' }).click();

  // Alt+T moves on to the next template of the list, replacing the untouched one.
  await picker.fill('');
  const before = await draft.inputValue();
  await page.keyboard.press('Alt+T');
  await expect(draft).not.toHaveValue(before);
  await expect(draft).not.toHaveValue(/\{\{/);
});

test('reply: LATTE reports a missing Thank; the coach underlines "you have to" and the rewrite fixes it', async ({ page }) => {
  await page.goto(shell.url);
  const composer = page.getByTestId('composer');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('en');
  const draft = composer.getByTestId('reply-draft');
  await draft.fill('');
  // The caller is Chinese; the coach reads the reply in the caller's language, so write it in Chinese.
  await draft.pressSequentially('我理解您的包裹还没到，非常抱歉。您必须等到周五。');
  await expect(composer.getByTestId('latte-thank')).toHaveAttribute('data-covered', 'false');
  await expect(composer.getByTestId('latte-acknowledge')).toHaveAttribute('data-covered', 'true');
  const finding = composer.getByTestId('coach-finding').first();
  await expect(finding.locator('mark')).toHaveText('您必须');
  await expect(composer.locator('.draft-mirror mark')).toHaveText('您必须');
  await finding.getByRole('button', { name: /Rewrite/ }).click();
  await expect(draft).not.toHaveValue(/您必须/);
  await expect(composer.getByTestId('coach-finding')).toHaveCount(0);

  await draft.press('End');
  await draft.pressSequentially('谢谢您的耐心等待。');
  await expect(composer.getByTestId('latte-thank')).toHaveAttribute('data-covered', 'true');
  // A complaint call: the service-recovery checklist is on screen, with the warning that recovery failed before.
  await expect(composer.getByTestId('recovery-checklist')).toBeVisible();
  await expect(composer.getByTestId('recovery-checklist')).toContainText('Acknowledge and apologise');
  const phrase = composer.getByTestId('recovery-checklist').getByRole('button').first();
  await draft.fill('');
  await phrase.click();
  await expect(draft).toHaveValue((await phrase.innerText()).replace(/^“|”$/g, ''));

  // Replying in English: "You have to" is flagged and rewritten to an invitation.
  await composer.getByRole('combobox', { name: 'Write the reply in' }).selectOption('en');
  await draft.fill('');
  await draft.pressSequentially('You have to restart the router.');
  await expect(composer.getByTestId('coach-finding').first().locator('mark')).toHaveText('You have to');
  await composer.getByTestId('coach-finding').first().getByRole('button', { name: /Rewrite/ }).click();
  await expect(draft).toHaveValue("Let's restart the router.");

  // A shortcut typed in the draft itself, then Tab, becomes its template.
  await draft.fill('');
  await draft.pressSequentially('/damaged');
  await draft.press('Tab');
  await expect(draft).not.toHaveValue(/\/damaged/);
  await expect(draft).toBeFocused();
  await expect(draft).toHaveValue(/damaged/i);
  await page.screenshot({ path: 'test-results/workspace-reply-en.png' });
});
