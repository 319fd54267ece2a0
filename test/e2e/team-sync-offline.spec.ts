import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Cache } from '../../src-main/services/db/cache';
import { importFile } from '../../src-main/services/importers/importer';
import { LabPostgres } from '../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../src-main/services/lab-team/lab-team-server';
import { TcpRelay } from '../../src-main/services/lab-team/tcp-relay';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { startWebShellProcess, type RunningShell } from './web-shell-process';
import { openReady, wrapUp } from './workspace-page';

// Issue #12, point 9: an agent works "an hour" offline. Her desktop reaches the team server only through the
// project's relay; the relay is partitioned for longer than her access token lives (30 s, set in the server's
// config file), and meanwhile she takes calls through the lab PBX, files difficult complaints with callbacks,
// completes a callback and changes her state. When the network heals, everything reaches the server and the
// specialist's desktop exactly once, and her call bar says synced.
const agent = { extension: '4201', password: 'e2e-secret-4201' };
const specialistPhone = { extension: '4202', password: 'e2e-secret-4202' };
const people = [
  { username: '4201', password: 'team-pass-4201', role: 'agent' as const, team: 'east', name: 'Chen Jing' },
  { username: 'spec2', password: 'team-pass-spec2', role: 'specialist' as const, team: 'east', queues: ['specialists'], name: 'Zhao Lei' },
];
const ACCESS_TOKEN_SECONDS = 30;
const work = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-offline-'));
const agentData = mkdtempSync(join(work, 'agent-'));
let postgres: LabPostgres;
let server: LabTeamServer;
let relay: TcpRelay;
let lab: LabWebShell;
let specialist: RunningShell;
let db: pg.Pool;
const teamEnv = (username: string, url: string) => ({
  AGENT_DESKTOP_TEAM_SERVER: url,
  AGENT_DESKTOP_TEAM_USER: username,
  AGENT_DESKTOP_TEAM_PASSWORD: people.find((p) => p.username === username)!.password,
});

test.beforeAll(async () => {
  postgres = new LabPostgres();
  await postgres.start();
  const config = join(work, 'server.json');
  writeFileSync(config, JSON.stringify({ accessTokenSeconds: ACCESS_TOKEN_SECONDS }));
  server = new LabTeamServer(process.cwd(), postgres.url, LabTeamServer.secret(), { AGENT_SERVER_CONFIG: config });
  await server.start();
  server.addPeople(people);
  relay = new TcpRelay(() => server.port);
  await relay.start();
  db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  const cache = new Cache(join(agentData, 'cache.sqlite'));
  expect(importFile(cache, 'customers', join(process.cwd(), 'resources', 'sample', 'customers.jsonl'), { region: 'CN' }).rejected).toEqual([]);
  cache.close();
  lab = await startLabWebShell(agent, { AGENT_DESKTOP_DATA_DIR: agentData, ...teamEnv('4201', `http://127.0.0.1:${relay.port}`) }, [specialistPhone]);
  specialist = await startWebShellProcess([], {
    AGENT_DESKTOP_PBX_URL: lab.pbx.wsUrl,
    AGENT_DESKTOP_EXTENSION: specialistPhone.extension,
    AGENT_DESKTOP_SIP_PASSWORD: specialistPhone.password,
    ...teamEnv('spec2', server.url),
  });
});
test.afterAll(async () => {
  await specialist?.stop();
  await lab?.stop();
  await relay?.stop();
  await db?.end();
  await server?.stop();
  await postgres?.stop();
});

/** What the agent's desktop holds, read from its SQLite file (the web shell keeps writing it meanwhile). */
function agentLocal<T>(read: (cache: Database.Database) => T): T {
  const file = new Database(join(agentData, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(file);
  } finally {
    file.close();
  }
}

/** A customer's call through the lab PBX, answered, hung up and wrapped up: one call record. */
async function takeCall(page: Page, n: number, complaint: string | null): Promise<string | null> {
  const call = await lab.customer.call({ caller: '+8613812345678', callerName: '王小明', agent: agent.extension, queue: 'complaints', customerId: 'CUST-1001', language: 'zh-CN', talkMs: 60_000 });
  await expect(page.getByTestId('screen-pop').getByTestId('customer-name')).toHaveText('王小明');
  // Answered once it rings (the lab phone may give up on a port and ring again: then it is answered again).
  const callState = page.getByTestId('call-state');
  await expect(async () => {
    await expect(callState).toContainText('Ringing');
    await page.keyboard.press('Alt+A');
    await expect(callState).toContainText('On call', { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  let id: string | null = null;
  if (complaint) {
    await page.keyboard.press('Alt+N');
    const form = page.getByTestId('work-order-form');
    await form.getByRole('combobox', { name: 'Complaint type' }).selectOption('billing');
    await form.getByRole('textbox', { name: 'What happened' }).fill(complaint);
    await form.getByRole('radio', { name: /Difficult/ }).check();
    await form.getByRole('checkbox', { name: 'Callback promised' }).check();
    const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const from = Math.floor(Date.now() / 60_000) * 60_000;
    await form.getByLabel('From').fill(local(from));
    await form.getByLabel('Until').fill(local(from + 3600_000));
    await form.getByRole('button', { name: 'File work order' }).click();
    await expect(form.getByTestId('work-order-filed')).toContainText('Filed as WO-');
    id = /WO-\d{8}-[0-9A-F]{6}/.exec(await form.getByTestId('work-order-filed').innerText())![0];
  }
  await page.keyboard.press('Alt+E');
  expect((await call.done).code, `call ${n}`).toBe(0);
  await wrapUp(page);
  return id;
}

test('an agent works offline past her token\'s life: everything reaches the server and the specialist once, and the badge says synced', async ({ browser }) => {
  test.setTimeout(240_000);
  const agentPage = await (await browser.newContext()).newPage();
  const specPage = await (await browser.newContext()).newPage();
  const state = await openReady(agentPage, lab.shell.url, agent.extension);
  const badge = agentPage.getByTestId('sync-status');
  await expect(badge).toContainText('Synced');
  await openReady(specPage, specialist.url, specialistPhone.extension);
  await expect(specPage.getByTestId('sync-status')).toContainText('Synced');
  const partitionedAt = Date.now();
  const localBefore = agentLocal((c) => ({
    states: (c.prepare('SELECT count(*) AS n FROM agent_state_log').get() as { n: number }).n,
    contacts: (c.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n,
  }));

  // The network between her desktop and the team server goes silent (the live channel too).
  relay.partition();

  // Her hour: three calls, two of them difficult complaints with a callback promised from now.
  const filed = [await takeCall(agentPage, 1, '同一订单被扣款两次'), await takeCall(agentPage, 2, null), await takeCall(agentPage, 3, '退款三周未到账')];
  // A break and back.
  await state.selectOption('meal');
  await expect(state).toHaveValue('meal');
  await state.selectOption('ready');
  await expect(state).toHaveValue('ready');
  // The callbacks are due: one is made and closed from her reminder tray.
  const reminders = agentPage.getByTestId('reminders');
  await expect(reminders).toContainText('Callback promised');
  await reminders.getByRole('button', { name: 'Done' }).first().click();
  await expect(reminders.getByRole('button', { name: 'Done' })).toHaveCount(1);

  // The call bar says what waits on this computer: the outbox, as the desktop holds it.
  await expect(badge).toContainText('Team server unreachable');
  // Read again until file and badge agree: a change the page has shown may still be on its way into the file.
  await expect(async () => {
    const waiting = agentLocal((c) => (c.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n);
    expect(waiting).toBeGreaterThanOrEqual(9); // 3 calls, 2 complaints, 1 callback done, and at least 3 state changes
    await expect(badge).toContainText(`${waiting} waiting`, { timeout: 1000 });
  }).toPass();

  // Her access token outlives no partition this long: waiting for its lifetime is the point (no event to wait on).
  const expiresBy = partitionedAt + (ACCESS_TOKEN_SECONDS + 5) * 1000;
  if (Date.now() < expiresBy) await new Promise((r) => setTimeout(r, expiresBy - Date.now()));
  relay.heal();

  // Back: the badge says synced with nothing waiting, after the desktop signed in again with its refresh token.
  await expect(badge).toContainText('Synced', { timeout: 30_000 });
  await expect(badge).not.toContainText('waiting');
  // Her first push after the partition carried the expired token: refused, then sent again after the refresh.
  // (The server's log comes through its stdout pipe, which may trail the badge: waited for.)
  const refusedPush = () =>
    server.log.split('\n').some((l) => l.includes('request refused: missing, forged or expired token') && l.includes('"url":"/v1/sync/push"') && l.includes('"hadToken":true'));
  await expect.poll(refusedPush).toBe(true);

  // On the server, exactly once each, counted by key.
  const local = agentLocal((c) => ({
    states: c.prepare('SELECT state, at FROM agent_state_log ORDER BY id').all().slice(localBefore.states) as { state: string; at: number }[],
    contacts: (c.prepare('SELECT uuid FROM contacts ORDER BY id').all() as { uuid: string }[]).slice(localBefore.contacts).map((r) => r.uuid),
    orders: (c.prepare('SELECT uuid FROM work_orders WHERE external_id IN (?, ?)').all(filed[0], filed[2]) as { uuid: string }[]).map((r) => r.uuid),
    callbacksDone: (c.prepare("SELECT uuid FROM follow_ups WHERE kind = 'callback' AND done_at IS NOT NULL").all() as { uuid: string }[]).map((r) => r.uuid),
  }));
  expect(local.contacts).toHaveLength(3);
  expect(local.orders).toHaveLength(2);
  expect(local.callbacksDone).toHaveLength(1);
  const count = async (sql: string, ids: unknown[]) => (await db.query<{ id: string; n: string }>(sql, [ids])).rows.map((r) => [r.id, Number(r.n)]);
  const once = (ids: string[]) => ids.map((id) => [id, 1]).sort();
  expect((await count('SELECT id::text, count(*) AS n FROM contacts WHERE id = ANY($1::uuid[]) GROUP BY id', local.contacts)).sort()).toEqual(once(local.contacts));
  expect((await count('SELECT id::text, count(*) AS n FROM work_orders WHERE id = ANY($1::uuid[]) GROUP BY id', local.orders)).sort()).toEqual(once(local.orders));
  expect((await count("SELECT work_order_id::text AS id, count(*) AS n FROM work_order_events WHERE work_order_id = ANY($1::uuid[]) AND kind = 'created' GROUP BY work_order_id", local.orders)).sort()).toEqual(once(local.orders));
  expect((await count("SELECT work_order_id::text AS id, count(*) AS n FROM follow_ups WHERE work_order_id = ANY($1::uuid[]) AND kind = 'callback' GROUP BY work_order_id", local.orders)).sort()).toEqual(once(local.orders));
  expect((await db.query("SELECT id::text FROM follow_ups WHERE status = 'done' AND id = ANY($1::uuid[])", [local.callbacksDone])).rows.map((r: { id: string }) => r.id)).toEqual(local.callbacksDone);
  const serverStates = (await db.query<{ state: string; at: string; n: string }>(
    `SELECT s.state, (extract(epoch FROM s.at) * 1000)::bigint AS at, count(*) AS n FROM agent_states s JOIN users u ON u.id = s.user_id
     WHERE u.username = '4201' AND s.at >= to_timestamp($1 / 1000.0) GROUP BY s.state, s.at ORDER BY s.at`, [partitionedAt])).rows;
  expect(serverStates.map((s) => ({ state: s.state, at: Number(s.at), n: Number(s.n) }))).toEqual(local.states.map((s) => ({ ...s, n: 1 })));

  // On the specialist's screen: both complaints in her queue, each once.
  await specPage.keyboard.press('Alt+L');
  const list = specPage.getByTestId('work-order-list');
  await list.getByRole('radio', { name: 'My queues' }).check();
  for (const id of [filed[0]!, filed[2]!]) await expect(list.getByTestId('work-order-row').filter({ hasText: id })).toHaveCount(1);
});
