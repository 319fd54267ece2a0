import { expect, test } from '@playwright/test';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { commandLines } from './proc';
import { openReady } from './workspace-page';
import WebSocket from 'ws';

// The web shell configured like a real deployment (PBX address and extension from the environment, the
// password never on disk), against the real lab Kamailio, with SIPp as the customer's phone.
const agent = { extension: '2001', password: 'e2e-secret-2001' };
let lab: LabWebShell;
let customer: LabWebShell['customer'];
let shell: LabWebShell['shell'];

test.beforeAll(async () => {
  lab = await startLabWebShell(agent);
  ({ customer, shell } = lab);
});
test.afterAll(async () => {
  await lab?.stop();
});

function connect(token: string | null, origin = shell.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${shell.origin.replace('http', 'ws')}/contract`, token === null ? [] : [`agent-desktop.${token}`], { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function ask(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in parsed) return;
      ws.off('message', onMessage);
      resolve(parsed);
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

test('a contract connection without the token, with a wrong one, or from another origin is refused and logged', async () => {
  await expect(connect(null)).rejects.toThrow('HTTP 401');
  await expect(connect('0'.repeat(48))).rejects.toThrow('HTTP 401');
  await expect(connect(await shell.secret(), 'http://evil.example')).rejects.toThrow('HTTP 403');
  // The shell's log lines come through its stderr pipe, which may trail the refusal the client already has.
  await expect.poll(() => shell.log()).toContain('refused a contract connection');
  await expect.poll(() => shell.log()).toContain('"why":"no token"');
  await expect.poll(() => shell.log()).toContain('"why":"wrong token"');
});

test('a page opened without a one-time code cannot reach the phone and says so', async ({ page }) => {
  await page.goto(shell.origin + '/');
  await expect(page.getByTestId('shell-link')).toHaveText(/Agent Desktop did not let this window in/);
  await expect(page.getByTestId('error')).toHaveText(/Not done: this window is not connected to Agent Desktop/);
});

test('a one-time code opens one window: used again it is refused, and the window says so', async ({ page, context }) => {
  const url = shell.url;
  await page.goto(url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 2001');
  expect(page.url()).not.toContain('code=');
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByTestId('shell-link')).toHaveText(/Agent Desktop did not let this window in/);
  await expect.poll(() => shell.log()).toContain('"why":"used"');
  const code = new URL(url).hash.slice('#code='.length);
  const again = await fetch(`${shell.origin}/session`, { method: 'POST', headers: { origin: shell.origin }, body: JSON.stringify({ code }) });
  expect(again.status).toBe(401);
  // A code made up without the launch key is no better.
  const forged = await fetch(`${shell.origin}/session`, { method: 'POST', headers: { origin: shell.origin }, body: JSON.stringify({ code: `${Date.now()}.abc.def` }) });
  expect(forged.status).toBe(401);
});

test('the session secret is in no log line and on no command line', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 2001');
  // What the page holds is what a WebSocket must present; the one-time code is gone from the address.
  const held = await page.evaluate(() => Object.values(sessionStorage));
  const secret = await shell.secret();
  expect(held).toContain(secret);
  expect(shell.log() + shell.stdout()).not.toContain(secret);
  expect(commandLines().filter((p) => p.cmdline.includes(secret))).toEqual([]);
});

test('requests that violate the contract get a clear validation error and no service runs', async () => {
  const ws = await connect(await shell.secret());
  const invalid = await ask(ws, { id: 1, channel: 'rejectCall', payload: { callId: 'c-1', code: 500 } });
  expect(invalid).toMatchObject({ id: 1, ok: false, error: { code: 'INVALID_REQUEST', issues: [{ path: 'code' }] } });
  const unknown = await ask(ws, { id: 2, channel: 'runShell', payload: { command: 'rm -rf /' } });
  expect(unknown).toMatchObject({ id: 2, ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  const garbage = await ask(ws, 'not json');
  expect(garbage).toMatchObject({ id: null, ok: false, error: { code: 'INVALID_REQUEST' } });
  const missing = await ask(ws, { id: 3, channel: 'hangUpCall', payload: { callId: 'c-no-such-call' } });
  expect(missing).toMatchObject({ id: 3, ok: false, error: { code: 'NOT_FOUND' } });
  const status = await ask(ws, { id: 4, channel: 'getSoftphoneStatus', payload: {} });
  expect(status).toMatchObject({ id: 4, ok: true, result: { extension: agent.extension, registered: true } });
  ws.close();
});

test('a caller name full of markup is shown as text, and an unknown number gets a new-caller pop', async ({ page }) => {
  // Agents start Not Ready and calls are refused with 486 until they say Ready (over the contract here).
  const ws = await connect(await shell.secret());
  expect(await ask(ws, { id: 1, channel: 'setAgentState', payload: { state: 'ready' } })).toMatchObject({ ok: true });
  ws.close();
  await page.goto(shell.url);
  await expect(page.getByTestId('connection')).toContainText('Registered as 2001');
  const hostile = '<img src=x onerror=alert(1)><b>Boss</b>';
  const run = await customer.call({ caller: '+8613900001111', callerName: hostile, agent: agent.extension, queue: '<script>q</script>' });
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  const pop = page.getByTestId('screen-pop');
  await expect(pop.getByTestId('customer-name')).toHaveText('New caller');
  await expect(pop).toContainText(hostile);
  await expect(pop).toContainText('<script>q</script>');
  await expect(page.locator('img, b, script:not([src])')).toHaveCount(0);
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByTestId('call-state')).toContainText('Call ended');
  expect((await run.done).code).not.toBe(0);
});

test('while the shell is down a request fails at once and says why; the page reconnects when it is back', async ({ page }) => {
  const state = await openReady(page, lab.shell.url, agent.extension);
  await lab.shell.kill();
  await expect(page.getByTestId('shell-link')).toHaveText(/Lost the connection to Agent Desktop\. Trying again in \d+ s/);
  // Before, this waited for an answer that could never come; now it is refused without waiting.
  await state.selectOption('meal');
  await expect(page.getByTestId('error')).toHaveText(/Not done: this window is not connected to Agent Desktop/, { timeout: 2_000 });
  await lab.crashAndRestart();
  await expect(page.getByTestId('shell-link')).toHaveText('Reconnected to Agent Desktop.');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('connection')).toContainText('Registered as 2001');
  // A fresh process: the agent starts Not Ready again, and the page shows what the shell says, not what it had.
  await expect(state).toHaveValue('');
  await state.selectOption('ready');
  await expect(state).toHaveValue('ready');
  await expect(page.getByTestId('error')).toHaveCount(0);
});
