import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { LabMediaRelay } from '../../src-main/services/lab-pbx/media-relay';
import { dropOnLoopback } from '../../src-main/services/lab-pbx/loopback-loss';
import type { SippRun } from '../../src-main/services/lab-pbx/customer-phone';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady, wrapUp } from './workspace-page';

// Call quality on a really impaired network: the browser's WebRTC call goes through the lab rtpengine to SIPp
// (which echoes every packet), and a UDP relay of this test sits between rtpengine and SIPp (the plain-RTP side:
// there SIPp's SDP can point rtpengine at the relay; the browser side is ICE + DTLS-SRTP). What the relay or an
// iptables rule on loopback does to the audio on its way to the customer comes back to the browser in the echo.
const agent = { extension: '3251', password: 'e2e-secret-3251' };
let lab: LabWebShell;
const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-quality-'));
test.beforeAll(async () => {
  lab = await startLabWebShell(agent, { AGENT_DESKTOP_DATA_DIR: dataDir });
});

/** The quality the desktop stored on the call's contacts row (read from its SQLite cache, as a report would). */
function storedQuality(number: string) {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { avgMos: number | null; worstMos: number | null; warningS: number | null; oneWay: number | null }>(
        `SELECT quality_avg_mos AS avgMos, quality_worst_mos AS worstMos, quality_warning_s AS warningS, quality_one_way AS oneWay
         FROM contacts WHERE number = ? ORDER BY started_at DESC LIMIT 1`,
      )
      .get(number);
  } finally {
    db.close();
  }
}
test.afterAll(async () => {
  await lab?.stop();
});

interface QualityCall {
  relay: LabMediaRelay;
  /** The port the customer's phone (SIPp) receives RTP on. */
  callerPort: number;
  run: SippRun;
}

/** A customer calls through the relay; the agent answers and the meter reads good before anything is impaired. */
async function answerThroughRelay(page: Page, caller: string): Promise<QualityCall> {
  await openReady(page, lab.shell.url, agent.extension);
  let relay: LabMediaRelay | undefined;
  let callerPort = 0;
  const run = await lab.customer.talk({
    caller,
    callerName: 'Quality check',
    agent: agent.extension,
    talkMs: 55_000,
    mediaDetour: async (port) => {
      callerPort = port;
      relay = await LabMediaRelay.start(port);
      return relay.port;
    },
  });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'good');
  return { relay: relay!, callerPort, run };
}

async function hangUp(page: Page, call: QualityCall): Promise<void> {
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await call.run.done).code).toBe(0);
  call.relay.stop();
  await wrapUp(page);
}

/** Remembers in the page every quality warning ever on screen, however briefly: its kind and its words. */
async function watchForWarnings(page: Page): Promise<() => Promise<string[]>> {
  // A string, as the other specs do: this file is type-checked for Node, without the DOM's names.
  await page.evaluate(`(() => {
    window.seenQualityWarnings = [];
    const look = () => document.querySelectorAll('[data-testid="quality-warning"]').forEach((w) => {
      const seen = w.getAttribute('data-kind') + ': ' + w.textContent;
      if (!window.seenQualityWarnings.includes(seen)) window.seenQualityWarnings.push(seen);
    });
    look();
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  return () => page.evaluate('window.seenQualityWarnings') as Promise<string[]>;
}

test('a clean call shows a good quality mark and raises no warning', async ({ page }) => {
  const call = await answerThroughRelay(page, '+8613800000251');
  const sawWarning = await watchForWarnings(page);
  const meter = page.getByTestId('quality-meter');
  await expect(meter.locator('[aria-hidden="true"]')).toHaveText(/^● 4\.\d$/u);
  await expect(meter).toHaveAttribute('title', /^Call quality: good · MOS 4\.\d+ · round trip \d+ ms · jitter [\d.]+ ms · loss 0%$/u);
  // Fifteen seconds of talk, counted by the call bar's own timer: longer than every rule's window (mic 10 s).
  await expect(page.getByTestId('call-timer')).toHaveText('00:15', { timeout: 20_000 });
  expect(await sawWarning()).toEqual([]);
  await expect(meter).toHaveAttribute('data-level', 'good');
  await hangUp(page, call);
  // The call's summary is on its contacts row: good throughout, no second with a warning, audio both ways.
  await expect.poll(() => storedQuality('+8613800000251')).toMatchObject({ warningS: 0, oneWay: 0 });
  const q = storedQuality('+8613800000251')!;
  expect(q.avgMos).toBeGreaterThanOrEqual(4);
  expect(q.worstMos).toBeGreaterThanOrEqual(4);
});

/** The warning of a kind, on screen. */
const warning = (page: Page, kind: string) => page.locator(`[data-testid="quality-warning"][data-kind="${kind}"]`);

test('jitter added by the relay raises the jitter warning within 5 s, in words, and it clears after the line is clean', async ({ page }) => {
  const call = await answerThroughRelay(page, '+8613800000252');
  // 20–270 ms of random delay per packet, both ways: RFC 3550 jitter well over 30 ms (0–150 ms hovered at 30–45).
  call.relay.impair({ delayMs: 20, jitterMs: 250 });
  await expect(warning(page, 'jitter')).toHaveText('Your side: Your audio arrives unevenly: close video calls and downloads, or move closer to the router', { timeout: 5000 });
  await expect(warning(page, 'jitter')).toHaveAttribute('data-side', 'agent');
  // Read out as an alert, and still a list of warnings to a screen reader.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="quality-warnings"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'poor');
  call.relay.clear();
  // Cleared only after 5 s of good samples (and the jitter estimate settling): never at once, always within 12 s.
  await expect(warning(page, 'jitter')).toHaveCount(0, { timeout: 12_000 });
  await hangUp(page, call);
});

test('packet loss on loopback (iptables statistic) raises the loss warning, and it clears once the rule is gone', async ({ page }) => {
  const call = await answerThroughRelay(page, '+8613800000253');
  // A fifth of what rtpengine sends the customer's phone is dropped by the kernel, so a fifth of the echo is missing.
  const undo = await dropOnLoopback(call.callerPort, 0.2);
  try {
    await expect(warning(page, 'loss')).toHaveText('Your side: Your network is dropping audio: close video or downloads, or move closer to the router', { timeout: 5000 });
  } finally {
    await undo();
  }
  await expect(warning(page, 'loss')).toHaveCount(0, { timeout: 12_000 });
  await hangUp(page, call);
});

test("audio lost one way (nothing reaches the customer's phone) raises the one-way warning on the caller's side", async ({ page }) => {
  const call = await answerThroughRelay(page, '+8613800000254');
  call.relay.impair({ dropToCaller: true });
  const oneWay = warning(page, 'no-audio-in');
  await expect(oneWay).toHaveText("Caller's side: No audio is arriving from the caller: ask whether they hear you; if not, call them back", { timeout: 5000 });
  await expect(oneWay).toHaveAttribute('data-side', 'caller');
  call.relay.clear();
  await expect(oneWay).toHaveCount(0, { timeout: 10_000 });
  await hangUp(page, call);
  // The call record says it: one-way audio, and at least the seconds the warning stood (from 3 s to the clear).
  await expect.poll(() => storedQuality('+8613800000254')?.oneWay).toBe(1);
  expect(storedQuality('+8613800000254')!.warningS).toBeGreaterThanOrEqual(5);
});

test('"Test my connection": an echo call through the PBX, measured and hung up, gives a verdict; no after-call work', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  // The lab's echo: every outside number reaches the trunk, where SIPp answers and sends our audio back.
  const echo = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 100);
  await page.getByTitle('Audio devices').click();
  await page.getByRole('button', { name: 'Test my connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Testing your connection…' })).toBeVisible();
  const result = page.getByTestId('connection-test-result');
  await expect(result).toHaveAttribute('data-verdict', 'good', { timeout: 25_000 });
  await expect(result).toHaveText(
    /^Connection test: good · MOS 4\.\d+ · round trip \d+ ms · jitter [\d.]+ ms · loss 0% Your microphone was heard\. Your connection is fine for calls\.$/u,
  );
  expect((await echo.done).code).toBe(0);
  // A test is not a customer call: no after-call work, the agent stays Ready.
  await expect(page.getByTestId('call-state')).toContainText('Call ended');
  await expect(page.getByTestId('acw')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Agent state' })).toHaveValue('ready');
});

test('at the start of a shift the agent is offered the line test before her first caller; the verdict shows there', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const offer = page.getByRole('region', { name: 'Start of shift' });
  await expect(offer).toContainText('Start of your shift: test your line before the first caller');
  const echo = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 100);
  await offer.getByRole('button', { name: 'Test my line now' }).click();
  await expect(offer.getByRole('status')).toHaveText('Testing your connection…');
  await expect(offer.getByTestId('connection-test-result')).toHaveAttribute('data-verdict', 'good', { timeout: 25_000 });
  expect((await echo.done).code).toBe(0);
  // The test's own echo call does not count as the first caller: the offer stays with its verdict until closed.
  await expect(offer.getByTestId('connection-test-result')).toContainText('Your connection is fine for calls.');
  await page.screenshot({ path: 'test-results/shift-test-offer-en.png' });
  await offer.getByRole('button', { name: 'Close' }).click();
  await expect(offer).toHaveCount(0);
  // The verdict is still there by the call bar's own button.
  await page.getByTitle('Audio devices').click();
  await expect(page.getByTestId('connection-test-result')).toHaveAttribute('data-verdict', 'good');
});

test('the start-of-shift offer goes when the first caller rings, untested', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  const offer = page.getByRole('region', { name: 'Start of shift' });
  await expect(offer).toBeVisible();
  const run = await lab.customer.talk({ caller: '+8613800000259', callerName: 'First caller', agent: agent.extension });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await expect(offer).toHaveCount(0);
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByRole('button', { name: 'Hang up' }).click();
  await wrapUp(page);
  expect((await run.done).code).toBe(0);
  // Gone for the shift, not back after the call.
  await expect(offer).toHaveCount(0);
});
