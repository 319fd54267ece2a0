import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { translate } from '../../src-renderer/i18n/messages';
import { Cache } from '../../src-main/services/db/cache';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// "My day" in the web shell (the real app over a real cache file in Chromium) in every language at 1366×768: her
// figures of today as seeded, the formula beside each, the charts drawn under the strict CSP, the table behind a
// chart as CSV with a formula-like why-tag neutralised, no serious axe findings; and a lead's team Reports saying,
// in her language, that they need the team server. Screenshots go to test-results/ for a person to look at.
const LOCALES = ['zh-CN', 'zh-TW', 'th', 'en'] as const;
type Lang = (typeof LOCALES)[number];

let shell: RunningShell;
let dataDir: string;
const today: { handled: number; offered: number } = { handled: 0, offered: 0 };

/** Today's calls and complaints of extension 1001 (and one colleague's call) between midnight and now, machine time. */
function seed(dir: string): void {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const now = Date.now();
  const at = (fraction: number) => Math.round(midnight.getTime() + (now - midnight.getTime()) * fraction);
  const cache = new Cache(join(dir, 'cache.sqlite'));
  const contact = cache.db.prepare(`INSERT INTO contacts (external_id, started_at, direction, number, queue, duration_s, hold_s, agent, acw_s, answered)
    VALUES (?, ?, 'inbound', ?, 'complaints', ?, 0, ?, ?, ?)`);
  const calls = [
    { agent: '1001', answered: 1, dur: 240, acw: 30 },
    { agent: '1001', answered: 1, dur: 300, acw: 45 },
    { agent: '1001', answered: 1, dur: 180, acw: 20 },
    { agent: '1001', answered: 0, dur: 0, acw: 0 },
    { agent: '1002', answered: 1, dur: 900, acw: 90 },
  ];
  calls.forEach((c, i) => contact.run(`call:seed-${i}`, at((i + 1) / 10), `+6621234567${i}`, c.dur, c.agent, c.acw, c.answered));
  today.offered = calls.filter((c) => c.agent === '1001').length;
  today.handled = calls.filter((c) => c.agent === '1001' && c.answered).length;
  const order = cache.workOrdersDb.prepare(`INSERT INTO work_orders (external_id, kind, complaint_type, severity, csat, data, created_at, updated_at, due_at, created_by)
    VALUES (?, 'complaint', ?, 'ordinary', ?, ?, ?, ?, ?, '1001')`);
  order.run('WO-SEED-1', 'long-wait', 2, JSON.stringify({ whyTags: ['understaffed-shift', '=cmd|calc'] }), at(0.5), at(0.6), at(0.5) + 86_400_000);
  order.run('WO-SEED-2', 'billing', 5, JSON.stringify({ whyTags: ['policy-gap'] }), at(0.7), at(0.8), at(0.7) + 86_400_000);
  cache.close();
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'my-day-e2e-'));
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      uiLocale: 'zh-CN',
      // No PBX answers here: "My day" needs none, and the workspace opens with the phone reconnecting.
      pbx: { server: 'ws://127.0.0.1:9/ws', domain: 'lab.invalid', extension: '1001', displayName: 'Li Na' },
      teamLead: { team: [{ extension: '1002', name: 'Wang Fang' }] },
    }),
  );
  seed(dataDir);
  shell = await startWebShellProcess([], { AGENT_DESKTOP_DATA_DIR: dataDir, AGENT_DESKTOP_SIP_PASSWORD: 'lab-only' });
});
test.afterAll(async () => {
  await shell?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function switchTo(page: Page, from: Lang, to: Lang): Promise<void> {
  await page.getByRole('combobox', { name: translate(from, 'app.language'), exact: true }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

test('the agent opens My day in zh-CN, zh-TW, th and en: her figures of today, the formulas, the charts, CSV', async ({ page }) => {
  test.setTimeout(180_000);
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  await page.goto(shell.url);
  let current: Lang = 'zh-CN';
  for (const locale of LOCALES) {
    if (locale !== current) await switchTo(page, current, locale);
    current = locale;
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(locale, key, values);
    await page.getByRole('button', { name: t('reports.myDay'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('reports.myDay') });
    await expect(dialog).toBeVisible();
    const tile = (metric: string) => dialog.locator(`[data-testid="report-tile"][data-metric="${metric}"]`);
    await expect(tile('handled').getByTestId('report-value')).toHaveText(new Intl.NumberFormat(locale).format(today.handled));
    await expect(tile('offered').getByTestId('report-value')).toHaveText(new Intl.NumberFormat(locale).format(today.offered));
    await expect(tile('complaints').getByTestId('report-value')).toHaveText(new Intl.NumberFormat(locale).format(2));
    await expect(tile('ahtSeconds').getByTestId('report-formula')).toHaveText(t('reports.formula.ahtSeconds'));
    await expect(tile('ahtSeconds').getByRole('heading')).toHaveText(t('reports.metric.ahtSeconds'));
    // The charts are drawn: ECharts put a canvas in each.
    for (const chart of ['trend-day', 'complaints-type', 'complaints-why', 'complaints-heatmap']) {
      await expect(dialog.getByTestId(`echart-${chart}`).locator('canvas').first()).toBeVisible();
    }
    await page.screenshot({ path: `test-results/my-day-${locale}.png` });
    await dialog.getByTestId('chart-complaints-heatmap').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/my-day-charts-${locale}.png` });
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="reports"]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${locale}: ${v.id}`)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
    await dialog.getByRole('button', { name: t('reports.close') }).click();
    await expect(dialog).toBeHidden();
  }
  expect(cspViolations).toEqual([]);

  // The table behind the why-tag chart, as the CSV she downloads: the tag typed as "=cmd|calc" cannot run.
  await page.getByRole('button', { name: 'My day', exact: true }).click();
  const why = page.getByTestId('chart-complaints-why');
  await why.getByText('Table').click();
  await expect(why.getByRole('table')).toContainText('=cmd|calc');
  const [download] = await Promise.all([page.waitForEvent('download'), why.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain("'=cmd|calc");
  expect(csv).toContain('Understaffed shift');
});

test("a lead's team Reports from the floor board say, in her language, that they need the team server", async ({ page }) => {
  await page.goto(shell.url);
  await switchTo(page, 'zh-CN', 'th');
  await page.getByTestId('floor').getByRole('button', { name: translate('th', 'reports.title'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: translate('th', 'reports.title') });
  await expect(dialog.getByTestId('reports-error')).toHaveText(translate('th', 'mainError.reports.needTeamServer'));
  await page.screenshot({ path: 'test-results/team-reports-no-server-th.png' });
});
