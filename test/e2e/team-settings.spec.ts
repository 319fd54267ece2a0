import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { LabPostgres } from '../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../src-main/services/lab-team/lab-team-server';
import { fileComplaint, push, signIn } from '../lab/team/team-lab';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// Issue #12: the team server from the settings screen, in real Chromium against the web shell, a real PostgreSQL
// and a team-server process. A desktop that works alone signs in from settings: a wrong password fails once and
// is not sent again; the right one signs in, the sync badge turns synced and a teammate's work order arrives,
// all without restarting the shell or reloading the page.
const people = [
  { username: 'wang.fang', password: 'team-pass-wang', role: 'agent' as const, team: 'north', name: 'Wang Fang' },
  { username: '5101', password: 'team-pass-5101', role: 'agent' as const, team: 'north' },
  { username: 'lead.chen', password: 'team-pass-lead', role: 'lead' as const, team: 'north', name: 'Chen Jing' },
  { username: 'spec.li', password: 'team-pass-spec', role: 'specialist' as const, team: 'north', queues: ['specialists'], name: 'Li Mei' },
];
let pg: LabPostgres;
let server: LabTeamServer;
let shell: RunningShell;

test.beforeAll(async () => {
  pg = new LabPostgres();
  await pg.start();
  server = new LabTeamServer(process.cwd(), pg.url, LabTeamServer.secret());
  await server.start();
  server.addPeople(people);
  // No team section and no team password: a desktop that works alone, as before this issue.
  shell = await startWebShellProcess([]);
});
test.afterAll(async () => {
  await shell?.stop();
  await server?.stop();
  await pg?.stop();
});

const markPage = (page: Page) => page.evaluate('window.notReloaded = true');
const stillSamePage = (page: Page) => page.evaluate('window.notReloaded === true');
const failedSignIns = () => server.log.split('\n').filter((l) => l.includes('"sign-in failed"') && l.includes('wang.fang')).length;

test('signs in from settings: a wrong password fails once, the right one syncs at once, sign-out ends it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(shell.url);
  // A new desk opens on the first-run screen, which has the team server's section too.
  const firstRun = page.getByTestId('first-run');
  const form = firstRun.getByTestId('team-server-form');
  const state = form.getByTestId('team-session-state');
  await expect(state).toHaveText('Not signed in: this desktop works alone');
  await markPage(page);

  // Plain http:// to another computer would carry the password in clear: refused on the form.
  await form.getByLabel('Team server address').fill('http://team.example.com');
  await form.getByLabel('User name').fill('wang.fang');
  await form.getByLabel('Password').fill('wrong-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toHaveText('Use https:// (encrypted): plain http:// is allowed only for this computer (127.0.0.1 or localhost).');

  await form.getByLabel('Team server address').fill(server.url);
  await form.getByLabel('Password').fill('wrong-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(state).toHaveText('Failed: check your password');
  // The server's log line comes through its stdout pipe and may trail the refusal the page shows: waited for.
  await expect.poll(failedSignIns).toBe(1);
  await expect(form.getByLabel('Password')).toHaveValue('');

  // The same refused password again is not sent to the server (it would count against her name).
  await form.getByLabel('Password').fill('wrong-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(state).toHaveText('Failed: check your password');
  expect(failedSignIns()).toBe(1);

  await form.getByLabel('Password').fill('team-pass-wang');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(state).toHaveText(/^Signed in as wang\.fang · team \d+$/);
  expect(failedSignIns()).toBe(1);

  // Syncing for real, with the phone still not set up: the badge and a teammate's work order in the list.
  await firstRun.getByRole('button', { name: 'Set up the phone later' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Synced');
  const mate = await signIn(server.url, '5101', 'team-pass-5101');
  const filed = fileComplaint('ordinary', `settings-e2e ${randomUUID().slice(0, 8)}`);
  expect((await push(server.url, mate.accessToken, randomUUID(), [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
  await page.keyboard.press('Alt+L');
  await expect(page.getByTestId('work-order-list').getByTestId('work-order-row').filter({ hasText: filed.workOrder.displayId })).toBeVisible();
  expect(await stillSamePage(page)).toBe(true);

  // Sign-out ends the session on the server; the badge says so.
  await page.getByTestId('call-bar').getByRole('button', { name: 'Settings' }).click();
  await expect(state).toHaveText(/^Signed in as wang\.fang/);
  await form.getByRole('button', { name: 'Sign out' }).click();
  await expect(state).toHaveText('Signed out of the team server');
  await firstRun.getByRole('button', { name: 'Set up the phone later' }).click();

  await expect(page.getByTestId('sync-status')).toContainText('Signed out of the team server');
  expect(await stillSamePage(page)).toBe(true);
});

test('a team lead reassigns from the work-order list; an agent has no such control', async ({ page }) => {
  test.setTimeout(90_000);
  const lead = await startWebShellProcess([], { AGENT_DESKTOP_TEAM_SERVER: server.url, AGENT_DESKTOP_TEAM_USER: 'lead.chen', AGENT_DESKTOP_TEAM_PASSWORD: 'team-pass-lead' });
  try {
    const mate = await signIn(server.url, '5101', 'team-pass-5101');
    const filed = fileComplaint('ordinary', `reassign-e2e ${randomUUID().slice(0, 8)}`);
    filed.workOrder.displayId = `WO-R${randomUUID().slice(0, 6)}`;
    expect((await push(server.url, mate.accessToken, randomUUID(), [{ seq: 1, mutation: filed }])).body.results[0]!.outcome).toBe('applied');
    const id = filed.workOrder.displayId;

    await page.goto(lead.url);
    await page.getByTestId('first-run').getByRole('button', { name: 'Set up the phone later' }).click();
    await expect(page.getByTestId('sync-status')).toContainText('Synced');
    await page.keyboard.press('Alt+L');
    const row = page.getByTestId('work-order-list').getByTestId('work-order-row').filter({ hasText: id });
    await expect(row.getByTestId('assignee')).toHaveText('—');
    await row.getByRole('combobox', { name: `Reassign ${id}` }).selectOption({ label: 'Li Mei (spec.li)' });
    await expect(row.getByTestId('assignee')).toHaveText('spec.li');
    await expect(page.getByTestId('sync-status')).toContainText('Synced');
    await row.getByRole('combobox', { name: `Reassign ${id}` }).selectOption({ label: 'Queue: specialists' });
    await expect(row.getByTestId('assignee')).toHaveText('—');
    await expect(row).toContainText('specialists');

    // An agent's desktop (the one that signed out above, signed in again) shows the work order, without the control.
    const agentPage = await page.context().newPage();
    await agentPage.goto(shell.url);
    const form = agentPage.getByTestId('first-run').getByTestId('team-server-form');
    await form.getByLabel('Password').fill('team-pass-wang');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByTestId('team-session-state')).toHaveText(/^Signed in as wang\.fang/);
    await agentPage.getByTestId('first-run').getByRole('button', { name: 'Set up the phone later' }).click();
    await expect(agentPage.getByTestId('sync-status')).toContainText('Synced');
    await agentPage.keyboard.press('Alt+L');
    const agentRow = agentPage.getByTestId('work-order-list').getByTestId('work-order-row').filter({ hasText: id });
    await expect(agentRow).toBeVisible();
    await expect(agentRow.getByRole('combobox')).toHaveCount(0);
  } finally {
    await lead.stop();
  }
});
