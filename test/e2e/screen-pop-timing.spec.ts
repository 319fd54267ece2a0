import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Cache } from '../../src-main/services/db/cache';
import { inviteSentAt } from '../../src-main/services/lab-pbx/customer-phone';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';

// A known customer calls through the real PBX: the pop must show who it is within 300 ms of SIPp sending the
// INVITE, before the agent answers. SIPp's message log and the page share this machine's wall clock.
const agent = { extension: '4001', password: 'e2e-secret-4001' };
const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-pop-'));
let lab: LabWebShell;

test.beforeAll(async () => {
  const cache = new Cache(join(dataDir, 'cache.sqlite'));
  cache.customers.upsert({ externalId: 'CUST-7', name: 'สมหญิง ใจดี', tier: 'vip', preferredLanguage: 'th', notes: '', tags: [], phones: ['+66812345679'] });
  cache.close();
  lab = await startLabWebShell(agent, { AGENT_DESKTOP_DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await lab?.stop();
});

test('a known customer\'s screen pop shows within 300 ms of the INVITE, before answering', async ({ page }) => {
  await page.goto(lab.shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 4001');
  const state = page.getByRole('combobox', { name: 'Agent state' });
  await state.selectOption('ready');
  await expect(state).toHaveValue('ready');
  // Note the moment the customer's name appears in the pop (runs in the page; written as a string because this
  // file is type-checked without the DOM library).
  await page.evaluate(`
    new MutationObserver((_, observer) => {
      const name = document.querySelector('[data-testid="screen-pop"] [data-testid="customer-name"]');
      if (name && name.textContent === 'สมหญิง ใจดี') {
        window.popShownAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  `);

  const messageLog = join(dataDir, 'invite.log');
  const run = await lab.customer.call({ caller: '+66812345679', callerName: 'Somying', agent: agent.extension, messageLog, talkMs: 1000 });
  await expect(page.getByTestId('screen-pop').getByTestId('customer-name')).toHaveText('สมหญิง ใจดี');
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  const shownAt = Number(await page.evaluate('window.popShownAt'));
  const delay = shownAt - inviteSentAt(readFileSync(messageLog, 'utf8'));
  console.log(`screen pop shown ${delay.toFixed(1)} ms after the INVITE`);
  expect(delay).toBeGreaterThan(0);
  expect(delay).toBeLessThan(300);
  await page.getByRole('button', { name: 'Decline' }).click();
  await run.done;
});
