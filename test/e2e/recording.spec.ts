import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import config from '../../playwright.config';
import type { CallRecording } from '../../src-main/services/lab-pbx/recording-hook';
import { tonePcap, toneWav } from '../../src-main/services/lab-pbx/tones';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
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
let lab: LabWebShell;
test.beforeAll(async () => {
  lab = await startLabWebShell(agent, {}, [], { recording: { unrecordedQueues: ['sales'] } });
});
test.afterAll(async () => {
  await lab?.stop();
});

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
  const recorded = new Promise<CallRecording>((resolve) => lab.pbx.recordings!.once('recording', resolve));
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller: '+8613800000077', callerName: 'Recorded', agent: agent.extension, voice: tonePcap(CUSTOMER_HZ, 10) });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
  const answeredAt = Date.now();
  // The call has to last: three seconds of talk, measured on the wall clock, is what the recording must hold.
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Hang up' }).click();
  const talked = (Date.now() - answeredAt) / 1000;
  expect((await run.done).code).toBe(0);
  await wrapUp(page);

  const recording = await recorded;
  expect(recording).toMatchObject({ direction: 'inbound', agent: '3801', customer: '+8613800000077' });
  expect(recording.seconds).toBeGreaterThan(talked - 0.5);
  expect(recording.seconds).toBeLessThan(talked + 3);
  const wav = readFileSync(recording.wavPath);
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

test('a call in a queue configured as not recorded leaves no recording', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.call({ caller: '+8613800000078', callerName: 'Not recorded', agent: agent.extension, queue: 'sales', talkMs: 500 });
  await page.getByRole('button', { name: 'Answer' }).click();
  expect((await run.done).code).toBe(0);
  await expect.poll(() => /recording-off \S+ queue/.test(lab.pbx.recentLog())).toBe(true);
  expect(readdirSync(join(lab.pbx.recordingSpool!, 'pcaps'))).toEqual([]);
});
