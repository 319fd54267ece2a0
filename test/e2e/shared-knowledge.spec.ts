import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { LabPostgres } from '../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../src-main/services/lab-team/lab-team-server';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady } from './workspace-page';

// Shared knowledge end to end (issue #12, point 5): a web-shell desktop in Chromium synced with a real team
// server on a real PostgreSQL. A lead publishes an article; the agent finds it in the knowledge panel; the lead
// changes it and the agent finds it by its new words; her "Helped" reaches the server's report table.
const agent = { extension: '4301', password: 'e2e-secret-4301' };
const people = [
  { username: '4301', password: 'team-pass-4301', role: 'agent' as const, team: 'north', name: 'Li Na' },
  { username: 'lead1', password: 'team-pass-lead1', role: 'lead' as const, team: 'north', name: 'Zhao Lei' },
];
let postgres: LabPostgres;
let server: LabTeamServer;
let lab: LabWebShell;

async function publish(records: unknown[]): Promise<void> {
  const signIn = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lead1', password: 'team-pass-lead1' }) });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const r = await fetch(`${server.url}/v1/knowledge/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ kind: 'article', records }),
  });
  expect(await r.json()).toMatchObject({ rejected: [] });
}

const article = { id: 'KB-E2E-1', locale: 'en', title: 'Parcel held at customs', body: 'Ask the customer for the customs declaration number and file a trace.', category: 'delivery' };

test.beforeAll(async () => {
  postgres = new LabPostgres();
  await postgres.start();
  server = new LabTeamServer(process.cwd(), postgres.url, LabTeamServer.secret());
  await server.start();
  server.addPeople(people);
  await publish([article]);
  lab = await startLabWebShell(agent, {
    AGENT_DESKTOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-knowledge-')),
    AGENT_DESKTOP_TEAM_SERVER: server.url,
    AGENT_DESKTOP_TEAM_USER: '4301',
    AGENT_DESKTOP_TEAM_PASSWORD: 'team-pass-4301',
  });
});
test.afterAll(async () => {
  await lab?.stop();
  await server?.stop();
  await postgres?.stop();
});

test('an article published on the team server is found in the knowledge panel, by its new words once changed; Helped reaches the server', async ({ page }) => {
  test.setTimeout(120_000);
  await openReady(page, lab.shell.url, agent.extension);
  await expect(page.getByTestId('sync-status')).toContainText('Synced');
  const kb = page.getByTestId('knowledge');
  const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
  await search.fill('customs declaration');
  await expect(kb.getByTestId('kb-results').getByTestId('kb-hit').first()).toContainText('Parcel held at customs');

  await publish([{ ...article, body: 'Send the customer the bonded-warehouse release form and file a trace.' }]);
  // Searched again until the change has arrived (the page asks main on every input; nothing to wait on but that).
  await expect(async () => {
    await search.fill('');
    await search.fill('bonded warehouse');
    await expect(kb.getByTestId('kb-results').getByTestId('kb-hit').first()).toContainText('Parcel held at customs', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  // "declaration" was only in the old text.
  await search.fill('declaration');
  await expect(kb.getByTestId('kb-no-results')).toBeVisible();

  await search.fill('bonded warehouse');
  await kb.getByTestId('kb-results').getByTestId('kb-hit').first().click();
  const opened = kb.getByTestId('kb-article');
  await opened.getByRole('button', { name: 'Helped', exact: true }).click();
  await expect(opened.getByTestId('kb-article-status')).toContainText('saved for reporting');
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  try {
    await expect
      .poll(async () => (await db.query("SELECT article_id, helped FROM kb_helped")).rows, { timeout: 10_000 })
      .toEqual([{ article_id: 'KB-E2E-1', helped: true }]);
  } finally {
    await db.end();
  }
});
