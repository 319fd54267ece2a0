import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import config from '../../playwright.config';
import type { CallRecording } from '../../src-main/services/lab-pbx/recording-hook';
import { tonePcap, toneWav } from '../../src-main/services/lab-pbx/tones';
import { Cache } from '../../src-main/services/db/cache';
import { importFile } from '../../src-main/services/importers/importer';
import { LabPostgres } from '../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../src-main/services/lab-team/lab-team-server';
import { ROOT } from '../lab/team/team-lab';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { startWebShellProcess, type RunningShell } from './web-shell-process';
import { watchShown } from './shown-at';
import { openReady, wrapUp } from './workspace-page';

// The team lead finds a call by the customer's name and plays it in Chromium (issue #15, point 4): the lab PBX
// records a call the agent pauses in the middle, hands it to a real team server, and the lead's own desktop
// (a second web shell, signed in to the team server as the lead) searches, opens and plays it, the agent's
// pause and hold marked on the timeline.
const agentVoice = join(mkdtempSync(join(tmpdir(), 'agent-voice-')), 'agent-voice.wav');
writeFileSync(agentVoice, toneWav(1000, 30));
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), `--use-file-for-fake-audio-capture=${agentVoice}`] } });

const agent = { extension: '3811', password: 'e2e-secret-3811' };
const leadPhone = { extension: '3812', password: 'e2e-secret-3812' };
const lead = { username: 'lead.play', password: 'e2e-lead-play-password' };
/** 王小明 in the sample customers, as the PBX passes her number. */
const customer = { number: '+8613812345678', name: '王小明' };
const pbxKey = randomBytes(32).toString('base64url');
const COUNTDOWN_S = 10;
const agentTeamPassword = 'e2e-agent-password';

/** A desktop's data folder whose cache holds the sample customers, as if imported from the CRM. */
function withSampleCustomers(who: string): string {
  const dir = mkdtempSync(join(tmpdir(), `agent-desktop-e2e-${who}-`));
  const cache = new Cache(join(dir, 'cache.sqlite'));
  expect(importFile(cache, 'customers', join(process.cwd(), 'resources', 'sample', 'customers.jsonl'), { region: 'CN' }).rejected).toEqual([]);
  cache.close();
  return dir;
}
let lab: LabWebShell;
let postgres: LabPostgres;
let teamServer: LabTeamServer;
let leadShell: RunningShell;
/** The agent's data folder: its SQLite cache is read byte by byte for a card number that must not be there. */
let agentData: string;

test.beforeAll(async () => {
  postgres = new LabPostgres();
  await postgres.start();
  teamServer = new LabTeamServer(ROOT, postgres.url, LabTeamServer.secret(), {
    AGENT_SERVER_RECORDINGS_DIR: join(mkdtempSync(join(tmpdir(), 'team-recordings-')), 'store'),
    AGENT_SERVER_PBX_KEY: pbxKey,
  });
  await teamServer.start();
  teamServer.addPeople([
    { username: agent.extension, password: agentTeamPassword, role: 'agent', team: 'playback' },
    { username: lead.username, password: lead.password, role: 'lead', team: 'playback' },
  ]);
  // The agent's desktop resumes a sensitive field's pause after 10 s (config.json), so the countdown is tested whole.
  agentData = withSampleCustomers('agent');
  writeFileSync(join(agentData, 'config.json'), JSON.stringify({ agent: { sensitivePauseSeconds: COUNTDOWN_S } }));
  // The agent is signed in to the team server too: she hears her own calls (agentsHearOwnRecordings, on by default).
  lab = await startLabWebShell(
    agent,
    { AGENT_DESKTOP_DATA_DIR: agentData, AGENT_DESKTOP_TEAM_SERVER: teamServer.url, AGENT_DESKTOP_TEAM_USER: agent.extension, AGENT_DESKTOP_TEAM_PASSWORD: agentTeamPassword },
    [leadPhone],
    { recording: { upload: { server: teamServer.url, pbxKey } } },
  );
  // The lead's desktop knows the customers (imported from the CRM), so she can search by a name.
  const leadData = withSampleCustomers('lead');
  leadShell = await startWebShellProcess([], {
    AGENT_DESKTOP_DATA_DIR: leadData,
    AGENT_DESKTOP_PBX_URL: lab.pbx.wsUrl,
    AGENT_DESKTOP_EXTENSION: leadPhone.extension,
    AGENT_DESKTOP_SIP_PASSWORD: leadPhone.password,
    AGENT_DESKTOP_TEAM_SERVER: teamServer.url,
    AGENT_DESKTOP_TEAM_USER: lead.username,
    AGENT_DESKTOP_TEAM_PASSWORD: lead.password,
  });
});
test.afterAll(async () => {
  await leadShell?.stop();
  await lab?.stop();
  await teamServer?.stop();
  await postgres?.stop();
});

/** The agent takes a call from 王小明, pauses the recording in the middle, then holds; returns what the test measured. */
async function recordedCallWithPause(page: Page): Promise<{ recording: CallRecording; pausedAfter: number; pausedFor: number; heldAfter: number; heldFor: number }> {
  const uploaded = new Promise<CallRecording>((resolve) => lab.pbx.recordings!.once('uploaded', resolve));
  await openReady(page, lab.shell.url, agent.extension);
  // When the page showed each mark, as it happened (the test's own checks can notice one up to a second late).
  const recordingShown = await watchShown(page, 'recording-state', 'title');
  const holdShown = await watchShown(page, 'hold-state');
  const run = await lab.customer.talk({ caller: customer.number, callerName: 'Wang', agent: agent.extension, voice: tonePcap(440, 15) });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  // Wall-clock stretches of talk before, during and after the pause: the player must mark the pause where it was.
  await page.waitForTimeout(2500);
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording paused');
  await page.waitForTimeout(2500);
  await page.getByRole('button', { name: 'Resume recording' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  // Then a hold: the relay sees the re-INVITEs, and the hook marks where the call was held.
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(page.getByTestId('hold-state')).toHaveText('On hold');
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('hold-state')).toHaveCount(0);
  await page.waitForTimeout(1500);
  const [pausedAt] = await recordingShown('Recording paused');
  const recordingAt = await recordingShown('Recording');
  const answeredAt = recordingAt.filter((at) => at < pausedAt!).at(-1)!;
  const resumedAt = recordingAt.find((at) => at > pausedAt!)!;
  const [heldAt] = await holdShown('On hold');
  const heldEndedAt = (await holdShown(null)).find((at) => at > heldAt!)!;
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  return {
    recording: await uploaded,
    pausedAfter: (pausedAt! - answeredAt) / 1000,
    pausedFor: (resumedAt - pausedAt!) / 1000,
    heldAfter: (heldAt! - answeredAt) / 1000,
    heldFor: (heldEndedAt - heldAt!) / 1000,
  };
}

/** Painted pixels on a waveform's canvas (a blank canvas has none). */
const painted = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const c = el as unknown as Canvas;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });

async function findAndOpen(page: Page, words: { button: string; customer: string; search: string; open: string }): Promise<void> {
  await page.getByRole('button', { name: words.button, exact: true }).click();
  const dialog = page.getByTestId('recordings');
  await dialog.getByRole('searchbox', { name: words.customer }).fill(customer.name);
  await dialog.getByRole('button', { name: words.search, exact: true }).click();
  const row = dialog.getByTestId('recording-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(customer.name);
  await row.getByRole('button', { name: words.open }).click();
  await expect(dialog.getByTestId('recording-player')).toBeVisible();
}

test('the lead finds the call by the customer\'s name, plays it, sees both channels and the pause where it was', async ({ browser }) => {
  test.setTimeout(180_000);
  const agentContext = await browser.newContext();
  const { recording, pausedAfter, pausedFor, heldAfter, heldFor } = await recordedCallWithPause(await agentContext.newPage());
  // Closed now: a second agent window left open would get every later call's media steps too, and the window that
  // answers first (sometimes this stale one, failing) decides the call's answer.
  await agentContext.close();
  expect(recording.customer).toBe(customer.number);
  expect(recording.pausedSpans).toHaveLength(1);

  const leadContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await leadContext.newPage();
  await page.goto(leadShell.url);
  await expect(page.getByTestId('connection')).toContainText(`Registered as ${leadPhone.extension}`);
  await findAndOpen(page, { button: 'Recordings', customer: 'Customer (name or number)', search: 'Search', open: 'Open' });
  const dialog = page.getByTestId('recordings');

  // Both channels drawn: the agent's 1000 Hz and the customer's 440 Hz are on the tape outside the pause.
  for (const channel of ['waveform-agent', 'waveform-customer']) {
    const wave = dialog.getByTestId(channel);
    await expect(wave).toHaveAttribute('data-bars', '600');
    expect(Number(await wave.getAttribute('data-sounding-bars'))).toBeGreaterThan(200);
    expect(await painted(page, channel)).toBeGreaterThan(1000);
  }

  // The paused span: as long as the pause the agent made, where she made it (the file starts about as she
  // answered), and drawn at that fraction of the timeline.
  const span = dialog.getByTestId('recording-paused-span');
  await expect(span).toHaveCount(1);
  const [from, to] = [Number(await span.getAttribute('data-from')), Number(await span.getAttribute('data-to'))];
  // Bounds across two clocks (the test's and the PBX's), wide enough for a loaded machine: the silence in the
  // file is what shows the span exactly (recording.spec.ts).
  expect(Math.abs(to - from - pausedFor)).toBeLessThan(1);
  expect(Math.abs(from - pausedAfter)).toBeLessThan(1.5);
  const [box, waves] = [await span.boundingBox(), await dialog.getByTestId('recording-timeline').boundingBox()];
  expect(Math.abs((box!.x - waves!.x) / waves!.width - from / recording.seconds)).toBeLessThan(0.01);
  expect(Math.abs(box!.width / waves!.width - (to - from) / recording.seconds)).toBeLessThan(0.01);

  // The hold: marked where and as long as the agent held the call (from the re-INVITEs the relay saw).
  const hold = dialog.getByTestId('recording-hold-span');
  await expect(hold).toHaveCount(1);
  const [heldFrom, heldTo] = [Number(await hold.getAttribute('data-from')), Number(await hold.getAttribute('data-to'))];
  expect(Math.abs(heldTo - heldFrom - heldFor)).toBeLessThan(1);
  expect(Math.abs(heldFrom - heldAfter)).toBeLessThan(1.5);
  const held = await hold.boundingBox();
  expect(Math.abs((held!.x - waves!.x) / waves!.width - heldFrom / recording.seconds)).toBeLessThan(0.01);
  await expect(dialog.getByRole('button', { name: /^On hold / })).toBeVisible();

  // Play: the clock advances; at 2× the audio element plays at twice the rate.
  await dialog.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await dialog.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await dialog.getByTestId('recording-time').getAttribute('data-seconds'))).toBeGreaterThan(1);
  expect(await dialog.locator('audio').evaluate((a) => (a as unknown as { playbackRate: number }).playbackRate)).toBe(2);
  // The pause's mark seeks to where it began.
  await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
  await dialog.getByRole('button', { name: /^Recording paused / }).click();
  await expect.poll(async () => Math.abs(Number(await dialog.getByTestId('recording-time').getAttribute('data-seconds')) - from)).toBeLessThan(0.2);

  // Every fetch of the audio is logged on the server as the lead's.
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const logged = await db.query("SELECT count(*)::int AS n FROM recording_playbacks p JOIN users u ON u.id = p.user_id WHERE u.username = $1", [lead.username]);
  await db.end();
  expect(logged.rows[0].n).toBeGreaterThan(0);

  // Screenshots at 1366×768 in Chinese and Thai, to look at.
  for (const [locale, words] of [
    ['zh-CN', { button: '录音', customer: '客户（姓名或号码）', search: '搜索', open: '打开' }],
    ['th', { button: 'การบันทึกเสียง', customer: 'ลูกค้า (ชื่อหรือหมายเลข)', search: 'ค้นหา', open: 'เปิด' }],
  ] as const) {
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.getByRole('combobox', { name: /^(Language|语言|ภาษา)$/ }).selectOption(locale);
    await findAndOpen(page, words);
    await expect(dialog.getByTestId('waveform-customer')).toHaveAttribute('data-bars', '600');
    await page.screenshot({ path: `test-results/recording-player-${locale}.png` });
  }
  await leadContext.close();
});

test('a sensitive field pauses the recording once the PBX confirms, resumes on leaving it or when the countdown runs out', async ({ page }) => {
  test.setTimeout(120_000);
  const uploaded = new Promise<CallRecording>((resolve) => lab.pbx.recordings!.once('uploaded', resolve));
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000091', callerName: 'ID check', agent: agent.extension, voice: tonePcap(440, 40) });
  await page.getByRole('button', { name: 'Answer' }).click();
  const mark = page.getByTestId('recording-state');
  await expect(mark).toHaveAttribute('title', 'Recording');
  await page.keyboard.press('Alt+N');
  const idNumber = page.getByRole('textbox', { name: /^Customer's ID number/ });
  const notice = page.getByTestId('sensitive-pause');

  // Focus: paused only as the PBX confirms; the countdown is shown beside the field.
  const markShown = await watchShown(page, 'recording-state', 'title');
  await page.waitForTimeout(1500);
  await idNumber.focus();
  await expect(mark).toHaveAttribute('title', 'Recording paused');
  await expect(notice).toHaveAttribute('data-state', 'paused');
  await expect(notice).toContainText(/resumes in 0:(09|10)/);
  await page.screenshot({ path: 'test-results/sensitive-pause-en.png' });
  await idNumber.fill('110101199003071234');
  await page.waitForTimeout(1500);
  // Leaving the field resumes.
  await page.getByRole('textbox', { name: 'What happened' }).focus();
  await expect(mark).toHaveAttribute('title', 'Recording');
  // As long as the page showed it paused (timed in the page: the test's checks can notice a change late).
  const [firstPausedAt] = await markShown('Recording paused');
  const firstPause = ((await markShown('Recording')).find((at) => at > firstPausedAt!)! - firstPausedAt!) / 1000;
  await expect(notice).toHaveCount(0);

  // A forgotten pause: the field keeps focus, the countdown resumes the recording and says so.
  await page.waitForTimeout(1500);
  await idNumber.focus();
  await expect(mark).toHaveAttribute('title', 'Recording paused');
  await expect(notice).toHaveAttribute('data-state', 'resumed-by-countdown', { timeout: (COUNTDOWN_S + 5) * 1000 });
  await expect(mark).toHaveAttribute('title', 'Recording');
  await expect(idNumber).toBeFocused();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  await expect.poll(() => lab.pbx.recentLog()).toMatch(/recording-paused \S+ 3811 \d+/);

  // The file says the same: two paused spans, the first as long as she stayed in the field, the second the countdown.
  const { pausedSpans } = await uploaded;
  expect(pausedSpans).toHaveLength(2);
  const [first, second] = pausedSpans.map((p) => p.to - p.from);
  expect(Math.abs(first! - firstPause)).toBeLessThan(1);
  expect(Math.abs(second! - COUNTDOWN_S)).toBeLessThan(1);
});

test('the card number field pauses the recording, refuses a misheard number, and the whole number is nowhere on disk', async ({ page }) => {
  test.setTimeout(120_000);
  const card = { typed: '4111 1111 1111 1111', misheard: '4111 1111 1111 1112' };
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000093', callerName: 'Charged twice', agent: agent.extension, voice: tonePcap(440, 30) });
  await page.getByRole('button', { name: 'Answer' }).click();
  const mark = page.getByTestId('recording-state');
  await expect(mark).toHaveAttribute('title', 'Recording');
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('work-order-form');
  await form.getByRole('combobox', { name: 'Complaint type' }).selectOption('problem-not-resolved');
  await form.getByRole('textbox', { name: 'What happened' }).fill('Charged twice for one order');
  const cardNumber = form.getByRole('textbox', { name: /^Payment card number/ });

  // Focus pauses the recording once the PBX confirms, as the ID number does.
  await cardNumber.focus();
  await expect(mark).toHaveAttribute('title', 'Recording paused');
  await expect(page.getByTestId('sensitive-pause')).toHaveAttribute('data-state', 'paused');
  await cardNumber.fill(card.misheard);
  await form.getByRole('textbox', { name: 'What happened' }).focus();
  await expect(mark).toHaveAttribute('title', 'Recording');

  // A misheard digit fails the Luhn check: the form says so beside the field and files nothing.
  await form.getByRole('button', { name: 'File work order' }).click();
  await expect(form.locator('#error-cardNumber')).toHaveText(/This card number does not check out/);
  await expect(form.getByTestId('work-order-filed')).toHaveCount(0);
  await cardNumber.fill(card.typed);
  await expect(mark).toHaveAttribute('title', 'Recording paused');
  await form.getByRole('button', { name: 'File work order' }).click();
  await expect(form.getByTestId('work-order-filed')).toContainText('Filed as WO-');
  await expect(mark).toHaveAttribute('title', 'Recording');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);

  // Not in the cache (database and its WAL: filed work order, outbox, drafts) nor any other file of her data folder.
  const files = readdirSync(agentData, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  expect(files.map((f) => f.name)).toContain('cache.sqlite');
  for (const f of files) {
    const bytes = readFileSync(join(f.parentPath, f.name));
    for (const whole of [card.typed, card.typed.replaceAll(' ', ''), card.misheard.replaceAll(' ', '')]) expect(bytes.includes(whole), `${f.name} holds ${whole}`).toBe(false);
  }
});

test("the work order and the customer's last contact in the pop link to the call's recording, which opens in the player", async ({ page }) => {
  test.setTimeout(120_000);
  const uploaded = new Promise<CallRecording>((resolve) => lab.pbx.recordings!.once('uploaded', resolve));
  await openReady(page, lab.shell.url, agent.extension);
  const first = await lab.customer.talk({ caller: customer.number, callerName: 'Wang', agent: agent.extension, voice: tonePcap(440, 10) });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  // She files a complaint during the call: the work order is linked to the call's recording too.
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('work-order-form');
  await expect(form.getByTestId('work-order-linked')).toContainText(customer.name);
  await form.getByRole('combobox', { name: 'Complaint type' }).selectOption('problem-not-resolved');
  await form.getByRole('textbox', { name: 'What happened' }).fill('Refund still missing');
  await form.getByRole('button', { name: 'File work order' }).click();
  const filed = form.getByTestId('work-order-filed');
  await expect(filed).toContainText('Filed as WO-');
  const workOrder = /WO-\d{8}-[0-9A-F]{6}/.exec(await filed.innerText())![0];
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await first.done).code).toBe(0);
  await wrapUp(page);
  const recording = await uploaded;

  // The work-order list (Alt+L): its row links to the call's recording.
  await page.keyboard.press('Alt+L');
  const row = page.getByTestId('work-order-row').filter({ hasText: workOrder });
  await row.getByRole('button', { name: 'Recording' }).click();
  await expect(page.getByTestId('recordings').getByTestId('recording-player')).toHaveAttribute('data-call-id', recording.callId);
  await page.keyboard.press('Escape');

  // She calls again: the pop lists the last call, with a link to its recording (hers to hear).
  const again = await lab.customer.call({ caller: customer.number, callerName: 'Wang', agent: agent.extension, queue: 'support', talkMs: 60_000 });
  // The newest contact is listed first; each link appears once its own lookup answers, so look in that item.
  const last = page.getByTestId('recent-contacts').getByRole('listitem').first();
  await expect(last.getByRole('button', { name: 'Recording' })).toBeVisible();
  await page.getByRole('button', { name: 'Answer' }).click();
  await last.getByRole('button', { name: 'Recording' }).click();
  const player = page.getByTestId('recordings').getByTestId('recording-player');
  await expect(player).toHaveAttribute('data-call-id', recording.callId);
  await expect(player.getByTestId('waveform-customer')).toHaveAttribute('data-bars', '600');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Hang up' }).click();
  await again.done;
  await wrapUp(page);
});

test('a transfer is marked on the timeline where the agent made it; the agent plays her own call', async ({ page }) => {
  test.setTimeout(120_000);
  const uploaded = new Promise<CallRecording>((resolve) => lab.pbx.recordings!.once('uploaded', resolve));
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000092', callerName: 'Transfer me', agent: agent.extension, voice: tonePcap(440, 20) });
  const recordingShown = await watchShown(page, 'recording-state', 'title');
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  // When the page showed it (the test's own check can notice it up to a second late).
  const [answeredAt] = await recordingShown('Recording');
  await page.waitForTimeout(2500);
  await page.getByText('Transfer', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Extension or number' }).fill('2002');
  const referredAt = Date.now();
  await page.getByRole('button', { name: 'Transfer now' }).click();
  await expect(page.getByTestId('transfer-progress')).toHaveText('Transferred to 2002');
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  const recording = await uploaded;
  expect(recording.events).toHaveLength(1);
  expect(Math.abs(recording.events[0]!.at - (referredAt - answeredAt!) / 1000)).toBeLessThan(1);

  // The agent hears her own calls: she finds it by its number and sees the transfer where it was.
  await page.getByRole('button', { name: 'Recordings', exact: true }).click();
  const dialog = page.getByTestId('recordings');
  await dialog.getByRole('searchbox', { name: 'Customer (name or number)' }).fill('8613800000092');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await dialog.getByTestId('recording-row').getByRole('button', { name: 'Open' }).click();
  const mark = dialog.getByTestId('recording-transfer-mark');
  await expect(mark).toHaveAttribute('data-at', String(recording.events[0]!.at));
  const [box, waves] = [await mark.boundingBox(), await dialog.getByTestId('recording-timeline').boundingBox()];
  expect(Math.abs((box!.x - waves!.x) / waves!.width - recording.events[0]!.at / recording.seconds)).toBeLessThan(0.01);
  await expect(dialog.getByRole('button', { name: /^Transferred at / })).toBeVisible();
});
