import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Cache } from '../../src-main/services/db/cache';
import { LabPostgres } from '../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../src-main/services/lab-team/lab-team-server';
import type { PublishRequest } from '../../src-shared/sync/knowledge-contract';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady } from './workspace-page';

// Not Ready reasons and coach rules published on the team server (issue #12, point 5), end to end: a web-shell
// desktop in Chromium, signed in to a real team server on a real PostgreSQL, with the lab PBX. A lead publishes; the
// agent-state menu and the reply coach change without a reload; a reason retired while the agent is on it stays
// shown as her state (not offered again).
const agent = { extension: '4401', password: 'e2e-secret-4401' };
const people = [
  { username: '4401', password: 'team-pass-4401', role: 'agent' as const, team: 'north', name: 'Li Na' },
  { username: 'lead1', password: 'team-pass-lead1', role: 'lead' as const, team: 'north', name: 'Zhao Lei' },
];
let postgres: LabPostgres;
let server: LabTeamServer;
let lab: LabWebShell;
const caller = '+8613812345678';

async function publish(body: PublishRequest): Promise<void> {
  const signIn = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lead1', password: 'team-pass-lead1' }) });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const r = await fetch(`${server.url}/v1/knowledge/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
  expect(await r.json()).toMatchObject({ rejected: [] });
}

const noWorries = {
  id: 'en.no-worries',
  category: 'condescending',
  patterns: ['\\bno worries\\b'],
  suggestion: 'Certainly, I will take care of it.',
  examples: { flag: ['[[No worries]], I will fix it.'], pass: ['You have nothing to worry about.'] },
};

test.beforeAll(async () => {
  postgres = new LabPostgres();
  await postgres.start();
  server = new LabTeamServer(process.cwd(), postgres.url, LabTeamServer.secret());
  await server.start();
  server.addPeople(people);
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-lists-'));
  // A known customer, so her pop shows her recent calls with their dispositions.
  const cache = new Cache(join(dataDir, 'cache.sqlite'));
  cache.customers.upsert({ externalId: 'CUST-E2E-1', name: 'Mary Chen', tier: 'standard', preferredLanguage: 'en', notes: '', tags: [], phones: [caller] });
  cache.close();
  lab = await startLabWebShell(agent, {
    AGENT_DESKTOP_DATA_DIR: dataDir,
    AGENT_DESKTOP_TEAM_SERVER: server.url,
    AGENT_DESKTOP_TEAM_USER: '4401',
    AGENT_DESKTOP_TEAM_PASSWORD: 'team-pass-4401',
  });
});
test.afterAll(async () => {
  await lab?.stop();
  await server?.stop();
  await postgres?.stop();
});

test('a Not Ready reason published on the team server appears in the agent-state menu; a team coach rule flags the draft', async ({ page }) => {
  test.setTimeout(120_000);
  const state = await openReady(page, lab.shell.url, agent.extension);
  await expect(page.getByTestId('sync-status')).toContainText('Synced');
  const offered = () => state.locator('option:not([disabled])');
  // Nothing published yet: the local reasons.
  await expect(offered()).toHaveText(['Ready', 'Not Ready: Break', 'Not Ready: Meal', 'Not Ready: Training', 'Not Ready: Coaching', 'Not Ready: Meeting']);

  await publish({ kind: 'notReadyReason', records: [{ code: 'system-down', labels: { en: 'System down', 'zh-CN': '系统故障', 'zh-TW': '系統故障', th: 'ระบบล่ม' } }, { code: 'meal' }] });
  // Pushed by the server's wake-up; the page is not reloaded.
  await expect(offered()).toHaveText(['Ready', 'Not Ready: System down', 'Not Ready: Meal'], { timeout: 10_000 });
  await state.selectOption({ label: 'Not Ready: System down' });
  await expect(state).toHaveValue('system-down');

  // Retired while she is on it: her state still reads as it did, but it is no longer offered.
  await publish({ kind: 'notReadyReason', retire: [{ id: 'system-down' }] });
  await expect(offered()).toHaveText(['Ready', 'Not Ready: Meal'], { timeout: 10_000 });
  await expect(state).toHaveValue('system-down');
  await expect(state.locator('option:checked')).toHaveText('Not Ready: System down');

  // The team's coach rules for English replace the shipped ones for English.
  const composer = page.getByTestId('composer');
  await composer.getByRole('combobox', { name: 'Write the reply in' }).selectOption('en');
  const draft = composer.getByTestId('reply-draft');
  await draft.fill('No worries, I will fix it today.');
  await expect(composer.getByTestId('coach-finding')).toHaveCount(0);
  await publish({ kind: 'coachRule', records: [noWorries] });
  await expect(composer.getByTestId('coach-finding').first().locator('mark')).toHaveText('No worries', { timeout: 10_000 });
});

test('dispositions published by the team are offered in after-call work; a call keeps its words in the pop after the team retires its code', async ({ page }) => {
  test.setTimeout(120_000);
  await publish({ kind: 'disposition', records: [{ code: 'refund-issued', labels: { en: 'Refund issued', 'zh-CN': '已退款', 'zh-TW': '已退款', th: 'คืนเงินแล้ว' } }, { code: 'escalated' }] });
  await openReady(page, lab.shell.url, agent.extension);
  const talk = async () => {
    const run = await lab.customer.talk({ caller, callerName: 'Refund caller', agent: agent.extension });
    await page.getByRole('button', { name: 'Answer' }).click();
    await expect(page.getByTestId('call-state')).toContainText('On call');
    await page.getByRole('button', { name: 'Hang up' }).click();
    expect((await run.done).code).toBe(0);
    return page.getByTestId('acw').getByRole('combobox', { name: 'Disposition', exact: true });
  };
  const first = await talk();
  await expect(first.locator('option:not([disabled])')).toHaveText(['Refund issued', 'Escalated']);
  await first.selectOption({ label: 'Refund issued' });
  await page.getByTestId('acw').getByRole('button', { name: 'Done' }).click();

  await publish({ kind: 'disposition', retire: [{ id: 'refund-issued' }] });
  const second = await talk();
  // Once after-call work no longer offers it, the desktop has the retirement; the first call still reads as it did.
  await expect(second.locator('option:not([disabled])')).toHaveText(['Escalated'], { timeout: 10_000 });
  await expect(page.getByTestId('recent-contacts').locator('li').first()).toContainText('Refund issued');
  await second.selectOption({ label: 'Escalated' });
  await page.getByTestId('acw').getByRole('button', { name: 'Done' }).click();
});
