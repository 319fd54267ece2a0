import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { seedDemoWorkOrders } from '../../src-main/app/demo-work-orders';
import { Cache } from '../../src-main/services/db/cache';
import { importFile, type ImportKind } from '../../src-main/services/importers/importer';
import { inviteSentAt } from '../../src-main/services/lab-pbx/customer-phone';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady, searchKbInThreeLanguages, wrapUp } from './workspace-page';

// One agent, one call, start to finish (issue #6, point 7), in real Chromium against the web shell, the lab
// Kamailio and SIPp, on a cache loaded with the sample customers and knowledge base the way an import would.
const agent = { extension: '4001', password: 'e2e-secret-4001' };
const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-flow-'));
let lab: LabWebShell;

test.beforeAll(async () => {
  const cache = new Cache(join(dataDir, 'cache.sqlite'));
  const sample = join(process.cwd(), 'resources', 'sample');
  const files: [ImportKind, string][] = [
    ['customers', join(sample, 'customers.jsonl')],
    ['contacts', join(sample, 'contacts.jsonl')],
    ...readdirSync(join(sample, 'kb')).map((f): [ImportKind, string] => ['kb', join(sample, 'kb', f)]),
  ];
  for (const [kind, file] of files) expect(importFile(cache, kind, file, { region: 'CN' }).rejected).toEqual([]);
  // 王小明's earlier complaint was reopened: recovery failed once already.
  seedDemoWorkOrders(cache);
  cache.close();
  lab = await startLabWebShell(agent, { AGENT_DESKTOP_DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await lab?.stop();
});

test('a known customer calls: pop before answering, KB in three languages, template, coach, work order with callback, crash-safe draft, wrap-up', async ({ page }) => {
  test.setTimeout(120_000);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const state = await openReady(page, lab.shell.url, agent.extension);

  // 1. The pop shows who it is soon after SIPp sends the INVITE, before answering. SIPp's message log and
  // the page share this machine's wall clock. (A string: this file is type-checked without the DOM library.)
  await page.evaluate(`
    new MutationObserver((_, observer) => {
      const name = document.querySelector('[data-testid="screen-pop"] [data-testid="customer-name"]');
      if (name && name.textContent === '王小明') {
        window.popShownAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  `);
  const messageLog = join(dataDir, 'invite.log');
  const run = await lab.customer.call({
    caller: '+8613812345678',
    callerName: '王小明',
    agent: agent.extension,
    queue: 'complaints',
    customerId: 'CUST-1001',
    ivrPath: 'main>orders>complaint',
    language: 'zh-CN',
    messageLog,
    talkMs: 110_000,
  });
  const pop = page.getByTestId('screen-pop');
  await expect(pop.getByTestId('customer-name')).toHaveText('王小明');
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  // SIPp is still running (the call goes on): its message log is read until the INVITE's entry is in it.
  const sentAt = () => {
    try {
      return inviteSentAt(readFileSync(messageLog, 'utf8'));
    } catch {
      return null;
    }
  };
  await expect.poll(sentAt).not.toBeNull();
  const delay = Number(await page.evaluate('window.popShownAt')) - sentAt()!;
  console.log(`screen pop shown ${delay.toFixed(1)} ms after the INVITE`);
  expect(delay).toBeGreaterThan(0);
  // A generous bound: this catches a pop that waits on something (a timer, the answer), not a slow machine. How fast
  // the pop is, is measured by `npx agent-desktop bench sip` (INVITE at the PBX to the screen-pop data, goal p95
  // ≤ 25 ms; README, Performance); the delay printed above adds the browser's rendering.
  expect(delay).toBeLessThan(2000);
  await expect(pop.getByTestId('customer-tier')).toHaveText('VIP');
  await expect(pop).toContainText('Service recovery failed before');
  await expect(pop).toContainText('main>orders>complaint');

  // 2. Answer from the keyboard.
  await page.keyboard.press('Alt+A');
  await expect(page.getByTestId('call-state')).toContainText('On call');

  // 3. The knowledge base: two Chinese characters, Thai without spaces, an English prefix.
  await searchKbInThreeLanguages(page);

  // 4. A template by its shortcut, filled from the pop.
  const composer = page.getByTestId('composer');
  const picker = composer.getByRole('searchbox', { name: 'Template or shortcut' });
  await picker.fill('/late');
  await picker.press('Enter');
  const draft = composer.getByTestId('reply-draft');
  await expect(draft).toHaveValue(/王小明/);

  // 5. LATTE reports the missing Thank; the coach flags "you have to" and its rewrite is applied.
  await draft.fill('');
  await draft.pressSequentially('我理解您的包裹还没到，非常抱歉。');
  await expect(composer.getByTestId('latte-thank')).toHaveAttribute('data-covered', 'false');
  await composer.getByRole('combobox', { name: 'Write the reply in' }).selectOption('en');
  await draft.fill('');
  await draft.pressSequentially('You have to wait for the courier.');
  const finding = composer.getByTestId('coach-finding').first();
  await expect(finding.locator('mark')).toHaveText('You have to');
  await finding.getByRole('button', { name: /Rewrite/ }).click();
  await expect(draft).not.toHaveValue(/You have to/);
  await expect(composer.getByTestId('coach-finding')).toHaveCount(0);

  // 6. A complaint work order with a callback promise.
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('work-order-form');
  await expect(form.getByRole('combobox', { name: 'Complaint type' })).toBeFocused();
  await form.getByRole('combobox', { name: 'Complaint type' }).selectOption('problem-not-resolved');
  await form.getByRole('textbox', { name: 'What happened' }).fill('第二次来电：包裹仍未送达');
  await form.getByRole('checkbox', { name: 'Callback promised' }).check();
  await expect(form.getByRole('textbox', { name: 'Callback number' })).toHaveValue('+8613812345678');
  const from = new Date(Date.now() + 2 * 3600_000);
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await form.getByLabel('From').fill(local(from));
  await form.getByLabel('Until').fill(local(new Date(from.getTime() + 3600_000)));
  await form.getByRole('button', { name: 'File work order' }).click();
  await expect(form.getByTestId('work-order-filed')).toContainText('Filed as WO-');
  const filedId = /WO-\d{8}-[0-9A-F]{6}/.exec(await form.getByTestId('work-order-filed').innerText())![0];

  // 7. Hang up: after-call work, a work order prefilled from the call, typed into, then the disposition and Ready.
  await page.keyboard.press('Alt+E');
  expect((await run.done).code).toBe(0);
  const acw = page.getByTestId('acw');
  await expect(acw).toContainText('After-call work');
  await acw.getByRole('button', { name: 'New work order from this call' }).click();
  const next = page.getByTestId('work-order-form');
  await expect(next.getByTestId('work-order-linked')).toContainText('王小明');
  await next.getByRole('combobox', { name: 'Complaint type' }).selectOption('long-wait');
  await next.getByRole('textbox', { name: 'What happened' }).pressSequentially('排队等了二十分钟');
  await expect(next.getByTestId('draft-state')).toHaveText('Draft saved');
  await expect(acw.getByRole('button', { name: 'Done' })).toBeDisabled();
  await wrapUp(page);
  await expect(state).toHaveValue('ready');

  // 8. The main process is killed mid-draft; after a restart the draft is all there.
  const restarted = await lab.crashAndRestart();
  await page.goto(restarted.url);
  const restored = page.getByTestId('work-order-form');
  await expect(restored.getByTestId('draft-state')).toHaveText('Draft restored');
  await expect(restored.getByRole('textbox', { name: 'What happened' })).toHaveValue('排队等了二十分钟');
  await expect(restored.getByRole('combobox', { name: 'Complaint type' })).toHaveValue('long-wait');

  // What was stored: the filed complaint with its callback reminder, and the call with its disposition.
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    const reminders = db.prepare('SELECT f.kind FROM follow_ups f JOIN work_orders w ON w.id = f.work_order_id WHERE w.external_id = ? ORDER BY f.kind').all(filedId);
    expect(reminders).toEqual([{ kind: 'callback' }, { kind: 'follow-up' }]);
    const call = db.prepare("SELECT disposition, direction FROM contacts WHERE number = '+8613812345678' ORDER BY started_at DESC LIMIT 1").get();
    expect(call).toEqual({ disposition: 'resolved', direction: 'inbound' });
  } finally {
    db.close();
  }
  expect(dialogs).toBe(0);
});

test('a caller display name made of markup shows as text and no script runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openReady(page, lab.shell.url, agent.extension);
  const hostile = '<img src=x onerror=alert(1)>';
  const run = await lab.customer.call({ caller: '+8613900002222', callerName: hostile, agent: agent.extension, queue: 'general' });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await expect(page.getByTestId('call-state')).toContainText(hostile);
  await expect(page.getByTestId('screen-pop')).toContainText(hostile);
  await expect(page.locator('img')).toHaveCount(0);
  await page.getByRole('button', { name: 'Decline' }).click();
  expect((await run.done).code).not.toBe(0);
  expect(dialogs).toBe(0);
});

test('the IVR names one customer and the number is on file for another: the pop warns, in the agent\'s language', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  // 王小明's number, but the IVR identified the caller as Emily Carter.
  const run = await lab.customer.call({ caller: '+8613812345678', callerName: 'Caller', agent: agent.extension, queue: 'general', customerId: 'CUST-1004' });
  const pop = page.getByTestId('screen-pop');
  await expect(pop.getByTestId('customer-name')).toHaveText('Emily Carter');
  await expect(pop.getByTestId('identity-warning')).toHaveText(
    'The IVR identified this caller as Emily Carter, but +8613812345678 is on file for 王小明 (CUST-1001). Confirm who you are speaking to.',
  );
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(pop.getByTestId('identity-warning')).toHaveText('IVR 识别来电者为 Emily Carter，但号码 +8613812345678 登记在 王小明（CUST-1001）名下。请先核实对方身份。');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('button', { name: 'Decline' }).click();
  expect((await run.done).code).not.toBe(0);
});
