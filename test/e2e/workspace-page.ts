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

/** Leaves after-call work the only way there is: a disposition, then Done. */
export async function wrapUp(page: Page, disposition = 'resolved'): Promise<void> {
  const acw = page.getByTestId('acw');
  await acw.getByRole('combobox', { name: 'Disposition' }).selectOption(disposition);
  await acw.getByRole('button', { name: 'Done' }).click();
}
