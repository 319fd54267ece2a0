import { expect, test, type Page } from '@playwright/test';
import type { SippRun } from '../../src-main/services/lab-pbx/customer-phone';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady, wrapUp } from './workspace-page';

// The agent's own network, impaired for real: the lab's rtpengine gives the browser the address of a relay on its
// own side (src-main/services/lab-pbx/agent-network.ts), so every packet of her call and every ICE check crosses
// it both ways. The round trip Chromium measures, and whether the PBX still hears her, are what the relay makes them
// (call-quality.spec.ts impairs the customer's side instead, which the browser's round trip never crosses).
const agent = { extension: '3261', password: 'e2e-secret-3261' };
let lab: LabWebShell;
test.beforeAll(async () => {
  lab = await startLabWebShell(agent, {}, [], { agentNetwork: true });
});
test.afterAll(async () => {
  await lab?.stop();
});

const network = () => lab.pbx.agentNetwork!;
const warning = (page: Page, kind: string) => page.locator(`[data-testid="quality-warning"][data-kind="${kind}"]`);

/** A customer calls (SIPp echoes her audio back); she answers on a clean line and the meter reads good. */
async function answer(page: Page, caller: string): Promise<SippRun> {
  await openReady(page, lab.shell.url, agent.extension);
  const run = await lab.customer.talk({ caller, callerName: 'Home network', agent: agent.extension, talkMs: 55_000 });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'good');
  return run;
}

async function hangUp(page: Page, run: SippRun): Promise<void> {
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
}

/** What watchWarning saw: each side shown, when the warning first showed and when the last one went (ms, epoch). */
interface Watched {
  sides: string[];
  seenAt: number | null;
  goneAt: number | null;
}

/**
 * Notes in the page, by its own clock (the test's: one machine), every change of the quality warnings of a kind: when each side's line was
 * first seen and when the last one went. Read back with the returned function.
 */
async function watchWarning(page: Page, kind: string): Promise<() => Promise<Watched>> {
  // A string, as the other specs do: this file is type-checked for Node, without the DOM's names.
  await page.evaluate(`(() => {
    const seen = (window.watchedWarning = { sides: [], seenAt: null, goneAt: null });
    const look = () => {
      const w = document.querySelector('[data-testid="quality-warning"][data-kind="${kind}"]');
      if (w) {
        seen.goneAt = null;
        seen.seenAt ??= Date.now();
        const side = w.getAttribute('data-side');
        if (!seen.sides.includes(side)) seen.sides.push(side);
      } else if (seen.sides.length > 0 && seen.goneAt === null) {
        seen.goneAt = Date.now();
      }
    };
    look();
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true });
  })()`);
  return () => page.evaluate('window.watchedWarning') as Promise<Watched>;
}

/** Resolves once two of her ICE checks in a row came 2 s or more apart: Chromium checks the path at its stable pace. */
async function stableChecks(): Promise<void> {
  let last = await network().nextCheckFromAgent();
  for (;;) {
    const at = await network().nextCheckFromAgent();
    if (at - last >= 2000) return;
    last = at;
  }
}

test('a slow home network raises the round-trip warning on her side, in her language, and it clears 5 s after the line is fast again', async ({ page }) => {
  const run = await answer(page, '+8613800000261');
  const watched = await watchWarning(page, 'rtt');
  // 300 ms each way: a round trip over 600 ms, past the 400 ms line. Chromium measures it only on its ICE consent
  // checks (rtpengine sends no RTCP here), every 2.5 s, and the warning needs 3 slow samples of the last 5, taken
  // twice a second (QUALITY_SAMPLE_MS). The issue asks 5 s from the moment the delay starts: the worst case is a
  // check just missed (2.5 s), its 0.6 s answer, then at most 3 samples (0.5 + 1 s), about 4.6 s.
  // Chromium checks a new path about once a second (measured: 1.1 s) until it counts it stable, then every 2.5 s
  // (measured: 2.66 s); the call is only seconds old, so wait for that cycle, the one the 5 s is about.
  await stableChecks();
  // A random wait of 0-2.5 s before the delay starts: it waits for no event, it samples the phase of Chromium's check
  // cycle at which the line turns slow, so that repeated runs reach the worst case (a fixed sequence lands at much
  // the same phase every run). The phase printed is measured: how long before the delay the relay saw her last check.
  await new Promise((r) => setTimeout(r, Math.random() * 2500));
  const delayedAt = Date.now();
  network().impair({ delayMs: 300 });
  const lastCheck = network().lastCheckFromAgentAt();
  const rtt = warning(page, 'rtt');
  await expect(rtt).toHaveText('Your side: Your connection is slow (long delay): pause downloads and video, or use a cable instead of Wi-Fi', { timeout: 5_000 });
  const raisedAfterMs = (await watched()).seenAt! - delayedAt;
  const phase = lastCheck === null ? 'no check seen' : `${delayedAt - lastCheck} ms after her last ICE check`;
  test.info().annotations.push({ type: 'rtt warning after (ms)', description: `${raisedAfterMs} (delay started ${phase})` });
  console.log(`rtt warning after ${raisedAfterMs} ms; delay started ${phase}`);
  expect(raisedAfterMs).toBeLessThanOrEqual(5_000);
  await expect(rtt).toHaveAttribute('data-side', 'agent');
  const meter = page.getByTestId('quality-meter');
  const measured = Number(/round trip (\d+) ms/u.exec((await meter.getAttribute('title')) ?? '')?.[1]);
  // 300 ms each way: 600 ms and a little (a run measured exactly 600 once the meter rounded it).
  expect(measured).toBeGreaterThanOrEqual(595);
  // The agent works in simplified Chinese: the same warning, in her words.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(rtt).toHaveText('您这边: 您的网络延迟很高：请暂停下载和视频，或改用网线代替 Wi-Fi');
  // The line is fast again: the warning stays until 5 s of good samples (the last slow one is at most half a second
  // before this, or the slow reading stands until the next check), then goes.
  const clearedAt = Date.now();
  network().clear();
  await expect(rtt).toHaveCount(0, { timeout: 15_000 });
  const { sides, goneAt } = await watched();
  expect(sides).toEqual(['agent']);
  expect(goneAt! - clearedAt).toBeGreaterThanOrEqual(4000);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(meter).toHaveAttribute('data-level', 'good');
  await hangUp(page, run);
});

test('her way out cut (the relay drops everything her browser sends): no audio, on her side, and it clears when the line is back', async ({ page }) => {
  const run = await answer(page, '+8613800000262');
  const watched = await watchWarning(page, 'no-audio-in');
  // Her audio, RTCP and ICE checks all lost: the customer hears nothing (so the echo stops) and the PBX's media
  // relay stops answering her checks. The desktop says it is her connection, not the caller.
  network().impair({ dropFromAgent: true });
  const silence = warning(page, 'no-audio-in');
  await expect(silence).toHaveAttribute('data-side', 'agent', { timeout: 10_000 });
  await expect(silence).toHaveText('Your side: No audio in or out: your connection dropped; check the Wi-Fi or VPN');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('th');
  await expect(silence).toHaveText('ฝั่งของคุณ: เสียงเข้าและออกหยุดทั้งคู่: การเชื่อมต่อของคุณหลุด ตรวจสอบ Wi-Fi หรือ VPN');
  // Back well before ICE consent would expire (30 s): the call carries on and the warning clears.
  network().clear();
  await expect(silence).toHaveCount(0, { timeout: 15_000 });
  expect((await watched()).sides).toContain('agent');
  await page.getByRole('combobox', { name: 'ภาษา' }).selectOption('en');
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('quality-meter')).toHaveAttribute('data-level', 'good');
  await hangUp(page, run);
});

test('"Test my connection" over a slow home network (her own call out, through the relay) says poor, with the round trip it measured', async ({ page }) => {
  await openReady(page, lab.shell.url, agent.extension);
  // Her outbound call: the offer comes from her browser, so this is the PBX's other way of meeting her (ICE-lite
  // in its answer); the lab's echo answers on the trunk.
  const echo = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 100);
  network().impair({ delayMs: 300 });
  try {
    await page.getByTitle('Audio devices').click();
    await page.getByRole('button', { name: 'Test my connection' }).click();
    const result = page.getByTestId('connection-test-result');
    await expect(result).toHaveAttribute('data-verdict', 'poor', { timeout: 25_000 });
    await expect(result).toContainText('Calls will sound bad: use a cable or another network, and tell your team lead.');
    const measured = Number(/round trip (\d+) ms/u.exec((await result.textContent()) ?? '')?.[1]);
    // 300 ms each way: 600 ms and a little (a run measured exactly 600 once the meter rounded it).
  expect(measured).toBeGreaterThanOrEqual(595);
    // Her microphone still came back in the echo: slow, not cut.
    await expect(result).toContainText('Your microphone was heard.');
    expect((await echo.done).code).toBe(0);
  } finally {
    network().clear();
  }
});
