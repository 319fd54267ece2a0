import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady, wrapUp } from './workspace-page';

// Call audio in the browser: WebRTC in the workspace window, the lab rtpengine turning it into plain RTP for the
// customer's phone (SIPp, which echoes every packet back). Chromium's fake microphone is the agent's voice.
const agent = { extension: '3201', password: 'e2e-secret-3201' };
let lab: LabWebShell;
test.beforeAll(async () => {
  lab = await startLabWebShell(agent);
});
test.afterAll(async () => {
  await lab?.stop();
});

/** Whether a page audio element (by test id) is playing, and on which output device. */
const sound = (page: Page, name: string) =>
  page.evaluate(`(() => { const a = document.querySelector('[data-testid="${name}"]'); return { playing: !a.paused, sinkId: a.sinkId, played: a.played.length }; })()`) as Promise<{
    playing: boolean;
    sinkId: string;
    played: number;
  }>;

test('inbound call: the ringtone plays while it rings, audio flows both ways once answered, and stops cleanly', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000041', callerName: 'Audio check', agent: agent.extension });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await expect.poll(async () => (await sound(page, 'ringtone')).playing).toBe(true);
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  expect((await sound(page, 'ringtone')).playing).toBe(false);
  // Packets counted from the RTCPeerConnection's inbound RTP: the echo of our own audio came back.
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');

  // Hold keeps the call (sendonly offered, recvonly answered through rtpengine); resume brings the audio back.
  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(page.getByTestId('hold-state')).toHaveText('On hold');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('hold-state')).toHaveCount(0);
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');

  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await expect(page.getByTestId('audio-status')).toHaveCount(0);
  await wrapUp(page);
});

test('an outbound call carries audio too', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const phone = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 100);
  await page.getByRole('textbox', { name: 'Number to call' }).fill('+66 81 234 0001');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await phone.done).code).toBe(0);
  await wrapUp(page);
});

test('speaker and ringer that are gone: the sound goes to the default device and the agent is told', async ({ page }) => {
  await page.goto(lab.shell.url);
  // Devices remembered from a headset that is no longer plugged in.
  await page.evaluate(`localStorage.setItem('agent-desktop.devices', JSON.stringify({ mic: '', speaker: 'headset-gone', ringer: 'ringer-gone' }))`);
  await page.reload();
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000042', callerName: 'Fallback', agent: agent.extension });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  const notice = page.getByTestId('media-notice');
  await expect(notice).toHaveText(/The chosen output device is not available; sound now plays on the default device\./);
  await expect.poll(async () => sound(page, 'ringtone')).toMatchObject({ playing: true, sinkId: '' });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
});

test('microphone, speaker and ringer are chosen separately and remembered', async ({ page }) => {
  await page.goto(lab.shell.url);
  await page.evaluate(`localStorage.removeItem('agent-desktop.devices')`);
  await page.reload();
  await page.getByTitle('Audio devices').click();
  const mic = page.getByRole('combobox', { name: 'Microphone' });
  await expect(mic.locator('option')).not.toHaveCount(1);
  const choice = await mic.locator('option').nth(1).getAttribute('value');
  await mic.selectOption(choice!);
  await page.reload();
  await page.getByTitle('Audio devices').click();
  await expect(page.getByRole('combobox', { name: 'Microphone' })).toHaveValue(choice!);
  await expect(page.getByRole('combobox', { name: 'Ringer' })).toHaveValue('');
});

test.describe('auto-answer for headset agents', () => {
  let auto: LabWebShell;
  test.beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-auto-'));
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ agent: { autoAnswer: true } }));
    auto = await startLabWebShell({ extension: '3202', password: 'e2e-secret-3202' }, { AGENT_DESKTOP_DATA_DIR: dataDir });
  });
  test.afterAll(async () => {
    await auto?.stop();
  });

  test('a call is answered without a click, with a short beep in the headset', async ({ page }) => {
    await openReady(page, auto.shell.url, '3202');
    const run = await auto.customer.talk({ caller: '+8613800000043', callerName: 'Auto', agent: '3202' });
    await expect(page.getByTestId('call-state')).toContainText('On call');
    await expect.poll(async () => (await sound(page, 'auto-answer-beep')).played).toBeGreaterThan(0);
    await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
    await page.getByRole('button', { name: 'Hang up' }).click();
    expect((await run.done).code).toBe(0);
    await wrapUp(page);
  });
});

/**
 * When the page last received a call audio packet (inbound RTP, page clock in ms since the epoch), over every
 * RTCPeerConnection it made (see countPeerConnections).
 */
const lastPacketAt = (page: Page) =>
  page.evaluate(`(async () => {
    let at = 0;
    for (const pc of window.peerConnections) (await pc.getStats()).forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'audio') at = Math.max(at, r.lastPacketReceivedTimestamp ?? 0); });
    return at;
  })()`) as Promise<number>;
const countPeerConnections = (page: Page) =>
  page.addInitScript(`window.peerConnections = []; window.RTCPeerConnection = class extends window.RTCPeerConnection {
    constructor(...args) { super(...args); window.peerConnections.push(this); }
  };`);

test('the PBX restarts mid-call: the agent re-registers, the call is moved over with new ICE, and the audio comes back', async ({ page }) => {
  await countPeerConnections(page);
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000044', callerName: 'Stay on', agent: agent.extension, talkMs: 60_000 });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');

  // Only the signaling server goes away; the media relay stays, as a SIP proxy restart would leave it.
  await lab.pbx.stop({ keepMedia: true });
  await expect(page.getByTestId('connection')).not.toContainText('Registered as');
  await lab.pbx.start();
  await expect(page.getByTestId('connection')).toContainText(`Registered as ${agent.extension}`);
  // The dialog is refreshed by re-INVITE over the new link (an ICE restart in the offer).
  await expect.poll(() => run.logged().filter((l) => l.startsWith('REINVITE'))).toEqual(['REINVITE a=sendrecv']);
  await expect(page.getByTestId('call-state')).toContainText('On call');
  // Still arriving well past the silence threshold (3 s): the restarted ICE carries the audio. Waits for a packet
  // received 4 s after the re-INVITE (both times from the page's clock).
  const reinvitedAt = Number(await page.evaluate('Date.now()'));
  await expect.poll(() => lastPacketAt(page), { timeout: 30_000 }).toBeGreaterThan(reinvitedAt + 4000);
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');

  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
});
