import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { Cache } from '../../src-main/services/db/cache';
import { RECORDING_NOTICE_HZ } from '../../src-main/services/lab-pbx/kamailio';
import type { CallRecording } from '../../src-main/services/lab-pbx/recording-hook';
import { tonePcap, toneWav } from '../../src-main/services/lab-pbx/tones';
import { LabPostgres } from '../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../src-main/services/lab-team/lab-team-server';
import { ROOT, signIn } from '../lab/team/team-lab';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { watchShown } from './shown-at';
import { openReady, wrapUp } from './workspace-page';

// Calls recorded by the PBX, never by the desktop: the lab's rtpengine captures the call's media and the PBX's
// recording hook makes a stereo WAV of it. Known audio each way tells the channels apart: Chromium's microphone
// plays a 1000 Hz tone (the agent), SIPp plays 440 Hz (the customer).
const AGENT_HZ = 1000;
const CUSTOMER_HZ = 440;
const agentVoice = join(mkdtempSync(join(tmpdir(), 'agent-voice-')), 'agent-voice.wav');
writeFileSync(agentVoice, toneWav(AGENT_HZ, 20));
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), `--use-file-for-fake-audio-capture=${agentVoice}`] } });

const agent = { extension: '3801', password: 'e2e-secret-3801' };
const lead = { username: 'lead.rec', password: 'e2e-lead-password' };
const pbxKey = randomBytes(32).toString('base64url');
const thaiCustomer = '+66812345678';
let lab: LabWebShell;
let postgres: LabPostgres;
let teamServer: LabTeamServer;
test.beforeAll(async () => {
  // The PBX hands each recording to a real team server; the tests read it back as the team lead would.
  postgres = new LabPostgres();
  await postgres.start();
  teamServer = new LabTeamServer(ROOT, postgres.url, LabTeamServer.secret(), {
    AGENT_SERVER_RECORDINGS_DIR: join(mkdtempSync(join(tmpdir(), 'team-recordings-')), 'store'),
    AGENT_SERVER_PBX_KEY: pbxKey,
  });
  await teamServer.start();
  teamServer.addPeople([
    { username: agent.extension, password: 'e2e-agent-password', role: 'agent', team: 'recorded' },
    { username: lead.username, password: lead.password, role: 'lead', team: 'recorded' },
  ]);
  // The agent's desktop knows one Thai customer (her record says she speaks Thai); the UI stays in English.
  const agentData = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-recording-'));
  const cache = new Cache(join(agentData, 'cache.sqlite'));
  cache.customers.upsert({ externalId: 'CUST-TH-1', name: 'สมหญิง รักดี', tier: 'standard', preferredLanguage: 'th', notes: '', tags: [], phones: [thaiCustomer] });
  cache.close();
  lab = await startLabWebShell(agent, { AGENT_DESKTOP_DATA_DIR: agentData }, [], { recording: { unrecordedQueues: ['sales'], upload: { server: teamServer.url, pbxKey } } });
});
test.afterAll(async () => {
  await lab?.stop();
  await teamServer?.stop();
  await postgres?.stop();
});

/**
 * The next recording the PBX hands to the team server, as the team lead gets it: found by its call, then its
 * audio fetched (the whole file, through a range request for its header first).
 */
function nextRecording(): Promise<{ recording: CallRecording; wav: Buffer }> {
  return new Promise((resolve, reject) => {
    lab.pbx.recordings!.once('uploaded', (recording) => {
      void (async () => {
        const { accessToken } = await signIn(teamServer.url, lead.username, lead.password);
        const auth = { authorization: `Bearer ${accessToken}` };
        const found = (await (await fetch(`${teamServer.url}/v1/recordings?callId=${encodeURIComponent(recording.callId)}`, { headers: auth })).json()) as {
          recordings: Array<{ id: string }>;
        };
        const id = found.recordings[0]?.id;
        if (!id) throw new Error('the lead cannot find the recording by its call');
        const header = await fetch(`${teamServer.url}/v1/recordings/${id}/audio`, { headers: { ...auth, range: 'bytes=0-43' } });
        if (header.status !== 206) throw new Error(`range request: ${header.status}`);
        const whole = await fetch(`${teamServer.url}/v1/recordings/${id}/audio`, { headers: auth });
        resolve({ recording, wav: Buffer.from(await whole.arrayBuffer()) });
      })().catch(reject);
    });
  });
}

/** Goertzel power of one frequency over a stretch of one channel (0 left, 1 right) of a 16-bit stereo 8-kHz WAV. */
function power(wav: Buffer, channel: 0 | 1, fromS: number, toS: number, hz: number): number {
  const k = 2 * Math.cos((2 * Math.PI * hz) / 8000);
  let [s1, s2] = [0, 0];
  for (let n = Math.round(fromS * 8000); n < Math.round(toS * 8000); n++) {
    [s1, s2] = [wav.readInt16LE(44 + (n * 2 + channel) * 2) + k * s1 - s2, s1];
  }
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / ((toS - fromS) * 8000) ** 2;
}

test('an inbound call is recorded by the PBX: the agent on the left channel, the customer on the right', async ({ page }) => {
  const recorded = nextRecording();
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000077', callerName: 'Recorded', agent: agent.extension, voice: tonePcap(CUSTOMER_HZ, 10) });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
  // The mark comes from the PBX (X-Recording on the INVITE), not from the desktop's own assumption.
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  const answeredAt = Date.now();
  // The call has to last: three seconds of talk, measured on the wall clock, is what the recording must hold.
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Hang up' }).click();
  const talked = (Date.now() - answeredAt) / 1000;
  expect((await run.done).code).toBe(0);
  await wrapUp(page);

  const { recording, wav } = await recorded;
  expect(recording).toMatchObject({ direction: 'inbound', agent: '3801', customer: '+8613800000077', queue: 'support' });
  expect(recording.seconds).toBeGreaterThan(talked - 0.5);
  expect(recording.seconds).toBeLessThan(talked + 3);
  expect([wav.readUInt16LE(22), wav.readUInt32LE(24)]).toEqual([2, 8000]);
  // Measured over the middle of the call, away from its ramps: each channel carries its own side's tone.
  const [from, to] = [recording.seconds / 2 - 1, recording.seconds / 2 + 1];
  const agentLeft = power(wav, 0, from, to, AGENT_HZ);
  const customerRight = power(wav, 1, from, to, CUSTOMER_HZ);
  expect(agentLeft).toBeGreaterThan(1e4);
  expect(customerRight).toBeGreaterThan(1e4);
  expect(power(wav, 0, from, to, CUSTOMER_HZ)).toBeLessThan(agentLeft / 100);
  expect(power(wav, 1, from, to, AGENT_HZ)).toBeLessThan(customerRight / 100);
  // The relay's raw capture is gone once converted; only the WAV stays.
  expect(readdirSync(join(lab.pbx.recordingSpool!, 'pcaps'))).toEqual([]);
});

test('an outbound call is recorded too: channels the same way round, the mark from the customer\'s answer', async ({ page }) => {
  const recorded = nextRecording();
  await openReady(page, lab.shell.url, agent.extension);
  const phone = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 200, 1, tonePcap(CUSTOMER_HZ, 10));
  await page.getByRole('textbox', { name: 'Number to call' }).fill('+66 81 234 0077');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
  // Talk long enough for the notice (1.2 s) to end and both voices to be on the tape.
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await phone.done).code).toBe(0);
  await wrapUp(page);
  // The PBX's log lines come through its stderr pipe and may trail what the page shows: waited for.
  await expect.poll(() => lab.pbx.recentLog()).toMatch(/recording-notice \S+ en/);

  const { recording, wav } = await recorded;
  expect(recording).toMatchObject({ direction: 'outbound', agent: '3801' });
  expect(recording.customer).toMatch(/^\+?66812340077$/);
  const [from, to] = [recording.seconds - 2, recording.seconds - 0.5];
  expect(power(wav, 0, from, to, AGENT_HZ)).toBeGreaterThan(1e4);
  expect(power(wav, 1, from, to, CUSTOMER_HZ)).toBeGreaterThan(1e4);
  expect(power(wav, 0, from, to, CUSTOMER_HZ)).toBeLessThan(power(wav, 0, from, to, AGENT_HZ) / 100);
  expect(power(wav, 1, from, to, AGENT_HZ)).toBeLessThan(power(wav, 1, from, to, CUSTOMER_HZ) / 100);
});

test('a language tag the PBX does not know exactly (TH, not th) gets the default notice, never a missing prompt', async ({ page }) => {
  const recorded = nextRecording();
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.call({ caller: '+8613800000082', callerName: 'Upper-case tag', agent: agent.extension, queue: 'support', language: 'TH', talkMs: 2000 });
  await page.getByRole('button', { name: 'Answer' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  const { recording } = await recorded;
  await expect.poll(() => lab.pbx.recentLog()).toContain(`recording-notice ${recording.callId} en\n`);
  expect(lab.pbx.recentLog()).not.toMatch(/recording-notice-failed/);
});

test('the caller hears the recording notice in the call\'s language as the agent answers', async ({ page }) => {
  const recorded = nextRecording();
  await openReady(page, lab.shell.url, agent.extension);
  // The customer's phone echoes what it hears: the notice comes back on the customer's channel of the recording.
  const run = await lab.customer.call({ caller: '+8613800000081', callerName: 'Thai caller', agent: agent.extension, queue: 'support', language: 'th', talkMs: 3000 });
  await page.getByRole('button', { name: 'Answer' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  await expect.poll(() => lab.pbx.recentLog()).toMatch(/recording-notice \S+ th/);
  const { wav } = await recorded;
  // The notice (1.2 s) starts as the call is answered; where that falls after the file's first packet varies, so
  // it is looked for in half-second windows through the first three seconds. Which language the PBX chose is
  // its log line above; comparing the other languages' pitches in the audio proved unreliable (left for later).
  const { th } = RECORDING_NOTICE_HZ;
  const starts = Array.from({ length: 11 }, (_, i) => i * 0.25);
  const at = starts.reduce((best, t) => (power(wav, 1, t, t + 0.5, th) > power(wav, 1, best, best + 0.5, th) ? t : best), 0);
  const loudest = power(wav, 1, at, at + 0.5, th);
  expect(loudest).toBeGreaterThan(1e4);
});

test('an outbound call to a Thai customer plays her the recording notice in Thai, though the agent works in English', async ({ page }) => {
  const recorded = nextRecording();
  await openReady(page, lab.shell.url, agent.extension);
  // The customer's phone (no voice of its own) echoes what it hears: the notice comes back on her channel.
  const phone = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 200, 1);
  await page.getByRole('textbox', { name: 'Number to call' }).fill('+66 81 234 5678');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await phone.done).code).toBe(0);
  await wrapUp(page);
  // The PBX's log names the language it chose for this very call (the inbound test before logged a Thai one too).
  const { recording, wav } = await recorded;
  expect(recording.direction).toBe('outbound');
  await expect.poll(() => lab.pbx.recentLog()).toContain(`recording-notice ${recording.callId} th\n`);
  // Told apart as the inbound notice is: the Thai notice's pitch, loud on the customer's channel near the start.
  const { th } = RECORDING_NOTICE_HZ;
  const starts = Array.from({ length: 11 }, (_, i) => i * 0.25);
  const at = starts.reduce((best, t) => (power(wav, 1, t, t + 0.5, th) > power(wav, 1, best, best + 0.5, th) ? t : best), 0);
  expect(power(wav, 1, at, at + 0.5, th)).toBeGreaterThan(1e4);
});

test('secure pause: paused only once the PBX confirms, the paused span silent in the file and listed', async ({ page }) => {
  const recorded = nextRecording();
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000079', callerName: 'Card number', agent: agent.extension, voice: tonePcap(CUSTOMER_HZ, 15) });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  // When the page showed each mark, as it happened (the test's own checks can notice one up to a second late).
  const recordingShown = await watchShown(page, 'recording-state', 'title');
  // Wall-clock stretches of talk before, during and after the pause: the file must show them where they were.
  await page.waitForTimeout(1500);
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording paused');
  await page.screenshot({ path: 'test-results/recording-paused-en.png', clip: { x: 0, y: 0, width: 1366, height: 48 } });
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Resume recording' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  const [pausedAt] = await recordingShown('Recording paused');
  const pausedFor = ((await recordingShown('Recording')).find((at) => at > pausedAt!)! - pausedAt!) / 1000;
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  // The PBX logged who paused and resumed, and when.
  await expect.poll(() => lab.pbx.recentLog()).toMatch(/recording-paused \S+ 3801 \d+/);
  await expect.poll(() => lab.pbx.recentLog()).toMatch(/recording-resumed \S+ 3801 \d+/);

  const { recording, wav } = await recorded;
  expect(recording.pausedSpans).toHaveLength(1);
  const [span] = recording.pausedSpans;
  // Its length across two clocks (the test's, the PBX's): a loaded machine's bound; the silence checks below place it.
  expect(Math.abs(span!.to - span!.from - pausedFor)).toBeLessThan(1);
  const inside = [span!.from + 0.1, span!.to - 0.1] as const;
  expect(power(wav, 0, ...inside, AGENT_HZ)).toBe(0);
  expect(power(wav, 1, ...inside, CUSTOMER_HZ)).toBe(0);
  expect(power(wav, 1, span!.from - 1, span!.from - 0.1, CUSTOMER_HZ)).toBeGreaterThan(1e4);
  expect(power(wav, 1, span!.to + 0.1, span!.to + 1, CUSTOMER_HZ)).toBeGreaterThan(1e4);
  expect(power(wav, 0, span!.to + 0.1, span!.to + 1, AGENT_HZ)).toBeGreaterThan(1e4);
});

test('a call in a queue configured as not recorded leaves no recording and shows no mark', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.call({ caller: '+8613800000078', callerName: 'Not recorded', agent: agent.extension, queue: 'sales', talkMs: 1500 });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('recording-state')).toHaveCount(0);
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
  await expect.poll(() => /recording-off \S+ queue/.test(lab.pbx.recentLog())).toBe(true);
  expect(readdirSync(join(lab.pbx.recordingSpool!, 'pcaps'))).toEqual([]);
});

test('a pause the PBX refuses is shown as refused, in the agent\'s language, and the call stays "Recording"', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000080', callerName: 'Restart', agent: agent.extension, talkMs: 60_000 });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'Recording');
  // A restarted PBX has forgotten which calls it records (the relay still records this one): it refuses the pause.
  await lab.pbx.stop({ keepMedia: true });
  await expect(page.getByTestId('connection')).not.toContainText('Registered as');
  await lab.pbx.start();
  await expect(page.getByTestId('connection')).toContainText(`Registered as ${agent.extension}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('th');
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('error')).toContainText('ระบบโทรศัพท์ปฏิเสธ (403 Call not recorded) สายนี้ยังถูกบันทึกเสียงอยู่');
  await expect(page.getByTestId('recording-state')).toHaveAttribute('title', 'กำลังบันทึกเสียง');
  await page.getByRole('combobox', { name: 'ภาษา' }).selectOption('en');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
});
