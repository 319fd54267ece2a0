import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// The workspace at 1366×768 in each language, saved under test-results/ (artifacts, not committed) for a person to look at.
let shell: RunningShell;
test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  shell = await startWebShellProcess(['--demo']);
});
test.afterAll(async () => {
  await shell?.stop();
});

const languageLabel = { en: 'Language', 'zh-CN': '语言', 'zh-TW': '語言', th: 'ภาษา' } as const;

test('workspace screenshots in zh-CN, zh-TW, th and en with the knowledge panel, reply and work order on screen', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('screen-pop').getByTestId('customer-name')).toHaveText('王小明');
  await expect(page.getByTestId('kb-suggestions').getByTestId('kb-hit').first()).toBeVisible();
  let current: keyof typeof languageLabel = 'en';
  for (const locale of ['zh-CN', 'zh-TW', 'th', 'en'] as const) {
    await page.getByRole('combobox', { name: languageLabel[current], exact: true }).selectOption(locale);
    current = locale;
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.getByRole('tab').first().click();
    await expect(page.getByTestId('latte')).toBeVisible();
    await page.screenshot({ path: `test-results/workspace-reply-${locale}.png` });
    await page.getByRole('tab').nth(1).click();
    await expect(page.getByTestId('work-order-form')).toBeVisible();
    await page.screenshot({ path: `test-results/workspace-work-order-${locale}.png` });
    // Nothing spills sideways at 1366 px.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
  }
});
