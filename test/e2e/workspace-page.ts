import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the workspace, waits for the registration and says Ready; returns the agent-state selector. */
export async function openReady(page: Page, url: string, extension: string): Promise<Locator> {
  await page.goto(url);
  await expect(page.getByTestId('connection')).toContainText(`Registered as ${extension}`);
  const state = page.getByRole('combobox', { name: 'Agent state' });
  await state.selectOption('ready');
  await expect(state).toHaveValue('ready');
  return state;
}

/** Leaves after-call work the only way there is: a disposition for each call it holds, then Done. */
export async function wrapUp(page: Page, disposition = 'resolved'): Promise<void> {
  const acw = page.getByTestId('acw');
  await expect(acw.getByRole('combobox', { name: 'Disposition', exact: true })).toBeVisible();
  for (const select of await acw.getByRole('combobox', { name: /^Disposition/ }).all()) await select.selectOption(disposition);
  await acw.getByRole('button', { name: 'Done' }).click();
}

/**
 * Ctrl+K, then the knowledge base in three languages: 退款 (two Chinese characters), คืนเงิน (Thai without spaces),
 * and the English prefix "refu". Returns the results list, showing the English search.
 */
export async function searchKbInThreeLanguages(page: Page): Promise<Locator> {
  const kb = page.getByTestId('knowledge');
  await page.keyboard.press('Control+K');
  const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
  await expect(search).toBeFocused();
  await search.pressSequentially('退款');
  const results = kb.getByTestId('kb-results');
  await expect(results.locator('mark').first()).toHaveText('退款');
  await kb.getByRole('combobox', { name: 'Search in' }).selectOption('th');
  await search.fill('คืนเงิน');
  await expect(results.locator('mark').first()).toHaveText('คืนเงิน');
  await kb.getByRole('combobox', { name: 'Search in' }).selectOption('en');
  await search.fill('refu');
  await expect(results.getByTestId('kb-hit').first()).toContainText(/refund/i);
  return results;
}
