import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningShell } from './web-shell-process';
import { searchKbInThreeLanguages } from './workspace-page';

// The knowledge panel against the demo's 188 articles, with 王小明 (queue 'complaints', zh-CN) ringing.
let shell: RunningShell;
const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-kb-e2e-'));
test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  shell = await startWebShellProcess(['--demo'], { AGENT_DESKTOP_DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await shell?.stop();
});

test('knowledge: suggestions for the ringing call, search as you type in three languages with <mark> highlights', async ({ page }) => {
  await page.goto(shell.url);
  const kb = page.getByTestId('knowledge');
  await expect(page.getByTestId('screen-pop').getByTestId('customer-name')).toHaveText('王小明');
  // Queue 'complaints' in the caller's language (zh-CN): the complaints articles, before anything is typed.
  await expect(kb.getByTestId('kb-suggestions').getByTestId('kb-hit').first()).toBeVisible();
  await expect(kb.getByTestId('kb-suggestions')).toContainText('投诉');

  const results = await searchKbInThreeLanguages(page);
  const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
  await expect(results.locator('mark').first()).toHaveText(/^refu/i);

  // Markup typed into the box is searched as text and never becomes an element.
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await search.fill('<img src=x onerror=alert(1)>');
  await expect(kb.locator('[data-testid="kb-no-results"], [data-testid="kb-results"], [data-testid="kb-elsewhere"]').first()).toBeVisible();
  await expect(kb.locator('img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('knowledge: open an article, insert it into the reply and mark it helped (stored for reporting)', async ({ page }) => {
  await page.goto(shell.url);
  const kb = page.getByTestId('knowledge');
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search the knowledge base' }).pressSequentially('退款');
  await kb.getByTestId('kb-results').getByTestId('kb-hit').first().click();
  const article = kb.getByTestId('kb-article');
  await expect(article.getByRole('heading')).toBeVisible();
  const title = await article.getByRole('heading').innerText();

  await article.getByRole('button', { name: 'Insert into reply' }).click();
  const body = (await article.locator('.kb-article-body').innerText()).trim();
  await expect(page.getByTestId('reply-draft')).toHaveValue(new RegExp(body.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  await article.getByRole('button', { name: 'Helped', exact: true }).click();
  await expect(article.getByTestId('kb-article-status')).toContainText('saved for reporting');
  const db = new Database(join(dataDir, 'demo', 'cache.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT a.title, f.helped, f.contact_id IS NOT NULL AS linked FROM kb_feedback f JOIN kb_articles a ON a.id = f.article_id ORDER BY f.id DESC LIMIT 1')
      .get() as { title: string; helped: number; linked: number };
    expect(row).toMatchObject({ title, helped: 1 });
  } finally {
    db.close();
  }
});

test('knowledge: no dead ends — an English query with the filter on Chinese shows the English articles, labelled', async ({ page }) => {
  await page.goto(shell.url);
  const kb = page.getByTestId('knowledge');
  await kb.getByRole('combobox', { name: 'Search in' }).selectOption('zh-CN');
  await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('refund timeline');
  const elsewhere = kb.getByTestId('kb-elsewhere');
  await expect(elsewhere.getByRole('heading', { name: 'Matches in other languages' })).toBeVisible();
  const english = elsewhere.locator('[data-testid="kb-elsewhere-group"][data-locale="en"]');
  await expect(english.getByRole('heading', { name: 'In English' })).toBeVisible();
  await expect(english.getByTestId('kb-hit').first()).toContainText('Refund timeline');
  await expect(kb.getByTestId('kb-no-results')).toHaveCount(0);
  // Opened from there like any other hit.
  await english.getByTestId('kb-hit').first().click();
  await expect(kb.getByTestId('kb-article').getByRole('heading')).toHaveText('Refund timeline');
});

test('knowledge: the sibling script comes first when the chosen one finds little (traditional → simplified)', async ({ page }) => {
  await page.goto(shell.url);
  const kb = page.getByTestId('knowledge');
  await kb.getByRole('combobox', { name: 'Search in' }).selectOption('zh-TW');
  // 积分 is the simplified articles' word; the traditional ones say 點數.
  await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('积分');
  const groups = kb.getByTestId('kb-elsewhere-group');
  await expect(groups.first()).toHaveAttribute('data-locale', 'zh-CN');
  await expect(groups.first().getByRole('heading')).toHaveText('In 简体中文');
  await expect(groups.first().getByTestId('kb-hit').first()).toContainText('积分');
});
