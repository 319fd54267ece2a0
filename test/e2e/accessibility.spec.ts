import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { translate } from '../../src-renderer/i18n/messages';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// The demo (a VIP ringing, the demo agent leading a small team, so the floor board is on screen) at 1366×768 in
// every language: axe-core finds no serious or critical violation on any screen, the call bar stays on one line
// during a call, after-call work reads as separate words, and a long overdue work order reads in days.
// Screenshots go to test-results/ for a person to look at.
const LOCALES = ['zh-CN', 'zh-TW', 'th', 'en'] as const;
type Lang = (typeof LOCALES)[number];

let shell: RunningShell;
test.beforeAll(async () => {
  // The demo brings up a whole lab (PostgreSQL, team server, PBX) before it is ready: slow on a loaded machine.
  test.setTimeout(120_000);
  shell = await startWebShellProcess(['--demo']);
});
test.afterAll(async () => {
  await shell?.stop();
});

async function switchTo(page: Page, from: Lang, to: Lang): Promise<void> {
  await page.getByRole('combobox', { name: translate(from, 'app.language'), exact: true }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Runs axe over the whole page and saves a screenshot; returns the serious and critical findings, readable. */
async function check(page: Page, screen: string): Promise<string[]> {
  await page.screenshot({ path: `test-results/a11y-${screen}.png` });
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every part of the call bar sits on one row, and the caller's name on one line. */
async function expectOneLine(bar: Locator): Promise<void> {
  const layout = await bar.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    const parts = [...el.children]
      .filter((c) => view.getComputedStyle(c).position !== 'absolute')
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0);
    // One box per line the name's text is laid out on.
    const name = el.ownerDocument.createRange();
    name.selectNodeContents(el.querySelector('.caller')!);
    return {
      lowestTop: Math.max(...parts.map((r) => r.top)),
      highestBottom: Math.min(...parts.map((r) => r.bottom)),
      callerLines: new Set([...name.getClientRects()].map((r) => Math.round(r.top))).size,
    };
  });
  expect.soft(layout.lowestTop, 'a part of the call bar is on a second row').toBeLessThan(layout.highestBottom);
  expect.soft(layout.callerLines, "lines of the caller's name").toBe(1);
}

test('every screen in zh-CN, zh-TW, th and en: no serious accessibility findings, one-line call bar, words apart', async ({ page }) => {
  test.setTimeout(240_000);
  // Soft checks: one run reports every screen and language that fails, not just the first.
  const findings: string[] = [];
  await page.goto(shell.url);
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await expect(page.getByTestId('floor').getByTestId('floor-row')).toHaveCount(3);

  let current: Lang = 'en';
  for (const locale of LOCALES) {
    await switchTo(page, current, (current = locale));
    findings.push(...(await check(page, `ringing-${locale}`)));
  }

  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  // The demo PBX records the call: its mark and pause button are part of the bar that must stay one line.
  await expect(page.getByTestId('recording-state')).toBeVisible();
  for (const locale of LOCALES) {
    await switchTo(page, current, (current = locale));
    await expect(page.getByTestId('call-state')).toContainText(translate(locale, 'call.active'));
    await expectOneLine(page.getByTestId('call-bar'));
    findings.push(...(await check(page, `on-call-${locale}`)));
    await page.getByRole('tab', { name: translate(locale, 'layout.workOrder'), exact: true }).click();
    await expect(page.getByTestId('work-order-form')).toBeVisible();
    findings.push(...(await check(page, `work-order-form-${locale}`)));
    await page.getByRole('tab', { name: translate(locale, 'layout.workOrders'), exact: true }).click();
    // The demo's WO-DEMO-1 went past its deadline 17 days ago.
    const overdue = page.getByTestId('work-order-row').filter({ hasText: 'WO-DEMO-1' }).getByTestId('sla');
    await expect.soft(overdue).toHaveText(translate(locale, 'wo.slaOverdue', { duration: translate(locale, 'duration.days', { days: 17 }) }));
    findings.push(...(await check(page, `work-orders-${locale}`)));
    await page.getByRole('tab').first().click();
  }

  await page.getByRole('button', { name: 'Hang up' }).click();
  const acw = page.getByTestId('acw');
  await expect.soft(acw).toContainText(/^After-call work \d+ s left Disposition/);
  for (const locale of LOCALES) {
    await switchTo(page, current, (current = locale));
    await expect.soft(acw).toContainText(`${translate(locale, 'agent.after-call-work')} `);
    findings.push(...(await check(page, `after-call-work-${locale}`)));
  }

  // The dialogs: settings, the call recordings (the demo desktop is signed in to its team server) and the lead's
  // team reports, each open in every language.
  const dialogs = [
    { name: 'settings', open: 'settings.open', title: 'settings.title', close: 'settings.close', within: page.getByTestId('call-bar') },
    { name: 'recordings', open: 'recordings.button', title: 'recordings.title', close: 'recordings.close', within: page.getByTestId('call-bar') },
    { name: 'team-reports', open: 'reports.title', title: 'reports.title', close: 'reports.close', within: page.getByTestId('floor') },
  ] as const;
  for (const locale of LOCALES) {
    await switchTo(page, current, (current = locale));
    for (const d of dialogs) {
      await d.within.getByRole('button', { name: translate(locale, d.open), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: translate(locale, d.title), exact: true });
      await expect(dialog).toBeVisible();
      findings.push(...(await check(page, `${d.name}-${locale}`)));
      await dialog.getByRole('button', { name: translate(locale, d.close), exact: true }).first().click();
      await expect(dialog).toBeHidden();
    }
  }
  expect(findings).toEqual([]);
});
