import { expect, test, type Page } from '@playwright/test';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady as openWorkspace, wrapUp } from './workspace-page';

// The agent's day in the call bar, in real Chromium against the web shell, the lab Kamailio and SIPp:
// say Ready, take a call, hold it, hang up, finish after-call work with a disposition; lose the PBX and see why.
const agent = { extension: '3001', password: 'e2e-secret-3001' };
let lab: LabWebShell;
let pbx: LabWebShell['pbx'];
let customer: LabWebShell['customer'];
let shell: LabWebShell['shell'];

test.beforeAll(async () => {
  lab = await startLabWebShell(agent);
  ({ pbx, customer, shell } = lab);
});
test.afterAll(async () => {
  await lab?.stop();
});

const openReady = (page: Page) => openWorkspace(page, shell.url, agent.extension);

test('Ready, answer, hold shown after the PBX confirmed it, hang up, after-call work left only with a disposition', async ({ page }) => {
  const state = await openReady(page);

  const run = await customer.talk({ caller: '+8613812345678', callerName: 'Hold me', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(page.getByTestId('hold-state')).toHaveText('On hold');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('hold-state')).toHaveCount(0);
  await page.getByRole('button', { name: 'Mute' }).click();
  await expect(page.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);

  const acw = page.getByTestId('acw');
  await expect(acw).toContainText('After-call work');
  await expect(acw.getByRole('button', { name: 'Done' })).toBeDisabled();
  await acw.getByRole('button', { name: 'More time' }).click();
  await expect(acw.getByRole('button', { name: 'More time' })).toBeDisabled();
  await acw.getByRole('combobox', { name: 'Disposition' }).selectOption('resolved');
  await acw.getByRole('button', { name: 'Done' }).click();
  await expect(state).toHaveValue('ready');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('th');
  await expect(page.getByRole('combobox', { name: 'สถานะเจ้าหน้าที่' })).toBeVisible();
  await page.getByRole('combobox', { name: 'ภาษา' }).selectOption('en');
});

test('the PBX goes away and comes back: the call bar says why and recovers by itself', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 3001');
  await pbx.stop();
  await expect(page.getByTestId('link-reason')).toContainText(/Connection to the PBX lost|Cannot reach the PBX/);
  await pbx.start();
  // By itself is the point here (how soon is test/lab/softphone-reconnect.test.ts's): the next attempt can be the
  // backoff's 4 s away, and a loaded machine stretches the REGISTER and its challenge.
  await expect(page.getByTestId('connection')).toContainText('Registered as 3001', { timeout: 20_000 });
  await expect(page.getByTestId('link-reason')).toHaveCount(0);
});

test('keyboard only: Alt+A answers, Alt+O holds and resumes, Alt+M mutes, Alt+E hangs up; wrap-up offers a work order prefilled from the call', async ({ page }) => {
  const state = await openReady(page);

  const run = await customer.talk({ caller: '+8613812345678', callerName: 'Keyboard', agent: agent.extension });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await page.keyboard.press('Alt+A');
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.keyboard.press('Alt+O');
  await expect(page.getByTestId('hold-state')).toHaveText('On hold');
  await page.keyboard.press('Alt+O');
  await expect(page.getByTestId('hold-state')).toHaveCount(0);
  await page.keyboard.press('Alt+M');
  await expect(page.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+E');
  expect((await run.done).code).toBe(0);

  // Wrap-up offers a work order prefilled from the call: the callback number is the caller's.
  const acw = page.getByTestId('acw');
  await acw.getByRole('button', { name: 'New work order from this call' }).click();
  await expect(page.getByRole('tab', { name: /Work order/ }).first()).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('checkbox', { name: 'Callback promised' }).check();
  await expect(page.getByRole('textbox', { name: /Callback number/ })).toHaveValue('+8613812345678');
  await acw.getByRole('combobox', { name: 'Disposition' }).selectOption('resolved');
  await acw.getByRole('button', { name: 'Done' }).click();
  await expect(state).toHaveValue('ready');
});

test('the keypad sends digits in the audio stream (RFC 4733); blind transfer hands the customer on and ends the agent\'s call', async ({ page }) => {
  const state = await openReady(page);

  const run = await customer.talk({ caller: '+8613812345678', callerName: 'Transfer me', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByText('Keypad', { exact: true }).click();
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const digit of ['1', '2', '#']) await keypad.getByRole('button', { name: digit, exact: true }).click();
  // The call's audio runs in the browser (WebRTC through the lab's rtpengine) and the far end offered
  // telephone-event, so the digits go as RFC 4733 events in the RTP stream, not as SIP INFO.
  await expect(page.getByTestId('sent-tones')).toHaveText('Digits sent: 12#');
  await expect(page.getByTestId('audio-status')).toHaveText('Audio: connected');
  expect(run.logged().filter((l) => l.startsWith('DTMF'))).toEqual([]);

  await page.getByText('Transfer', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Extension or number' }).fill('2002');
  await page.getByRole('button', { name: 'Transfer now' }).click();
  await expect(page.getByTestId('transfer-progress')).toHaveText('Transferred to 2002');
  expect((await run.done).code).toBe(0);
  expect(run.logged().find((l) => l.startsWith('REFER'))).toMatch(/^REFER Refer-To: <?sip:2002@127\.0\.0\.1/);

  await wrapUp(page);
  await expect(state).toHaveValue('ready');
});

test('"Next state" picked while talking: after-call work ends on the meal break, not Ready', async ({ page }) => {
  const state = await openReady(page);
  const run = await customer.talk({ caller: '+8613812345678', callerName: 'Last before lunch', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  const next = page.getByRole('combobox', { name: 'Next state' });
  await expect(next.locator('option:checked')).toHaveText('Then: as before (Ready)');
  await next.selectOption({ label: 'Not Ready · Meal' });
  await expect(next).toHaveValue('meal');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);

  const acw = page.getByTestId('acw');
  await expect(acw.getByRole('combobox', { name: 'Next state' })).toHaveValue('meal');
  await wrapUp(page);
  await expect(state).toHaveValue('meal');
  await expect(page.getByTestId('agent-state')).toHaveClass(/agent-state-not-ready/);
});

test('a callback ending during after-call work: the bar asks a disposition for each call, and Done returns to the state before', async ({ page }) => {
  const state = await openReady(page);
  const run = await customer.talk({ caller: '+8613812345678', callerName: 'First caller', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  const acw = page.getByTestId('acw');
  await acw.getByRole('combobox', { name: 'Disposition' }).selectOption('escalated');

  // Still in after-call work, the agent calls a customer back; that call ends before the first one's work is done.
  const callee = await customer.answerOnTrunk(pbx.trunkPort, 100);
  await page.getByRole('textbox', { name: 'Number to call' }).fill('+66 81 234 0000');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await callee.done).code).toBe(0);

  await expect(acw.getByRole('combobox', { name: 'Disposition · earlier call 1' })).toHaveValue('escalated');
  await expect(acw.getByRole('combobox', { name: 'Disposition', exact: true })).toHaveValue('');
  await expect(acw.getByRole('button', { name: 'Done' })).toBeDisabled();
  await expect(acw.getByRole('combobox', { name: 'Next state' }).locator('option:checked')).toHaveText('Then: as before (Ready)');
  await acw.getByRole('combobox', { name: 'Disposition', exact: true }).selectOption('callback-promised');
  await acw.getByRole('button', { name: 'Done' }).click();
  await expect(state).toHaveValue('ready');
});
