import { expect, test } from '@playwright/test';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
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
  await expect(connect(shell.token, 'http://evil.example')).rejects.toThrow('HTTP 403');
  expect(shell.log()).toContain('refused a contract connection');
  expect(shell.log()).toContain('"why":"no token"');
  expect(shell.log()).toContain('"why":"wrong token"');
});

test('a page opened without the token cannot reach the phone and says so', async ({ page }) => {
  await page.goto(shell.origin + '/');
  await expect(page.getByTestId('error')).toContainText('The connection to Agent Desktop was refused or lost.');
});

test('requests that violate the contract get a clear validation error and no service runs', async () => {
  const ws = await connect(shell.token);
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
  const ws = await connect(shell.token);
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
