import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { silentLogger } from '../../src-main/app/logger';
import { LabKamailio } from '../../src-main/services/lab-pbx/kamailio';
import { commandLines, descendantsOf } from './proc';

// `npm start` where Electron cannot run and there is no display: the launcher starts the web shell and prints its
// address. When the shell dies the launcher starts it again, and the window already open carries on by itself.
test.skip(electronBinary() !== null, 'the launcher starts Electron here, not the web shell');

const agent = { extension: '2101', password: 'e2e-secret-2101' };
let pbx: LabKamailio;
let launcher: ChildProcess;
let dataDir: string;
let stdout = '';
let stderr = '';
const webShellPid = () => commandLines().find((p) => descendantsOf(launcher.pid!).includes(p.pid) && p.cmdline.includes('out/main/web.js'))?.pid;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-launcher-'));
  pbx = new LabKamailio({ labDir: join(process.cwd(), 'test', 'lab'), runDir: join(dataDir, 'lab'), agents: [agent], logger: silentLogger });
  await pbx.start();
  launcher = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      AGENT_DESKTOP_DATA_DIR: join(dataDir, 'app'),
      AGENT_DESKTOP_PBX_URL: pbx.wsUrl,
      AGENT_DESKTOP_EXTENSION: agent.extension,
      AGENT_DESKTOP_SIP_PASSWORD: agent.password,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  launcher.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
});
test.afterAll(async () => {
  if (launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGINT');
    await exited;
  }
  await pbx?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the shell dies and the launcher starts it again: the open window reconnects without a new address', async ({ page }) => {
  await expect.poll(() => stderr, { timeout: 30_000 }).toContain('Open this address');
  const address = /Open this address[^\n]*\n\s+(\S+)/.exec(stderr)![1]!;
  await page.goto(address);
  await expect(page.getByTestId('connection')).toContainText(`Registered as ${agent.extension}`);
  const first = webShellPid()!;
  process.kill(first, 'SIGKILL');
  await expect(page.getByTestId('shell-link')).toHaveText('Reconnected to Agent Desktop.', { timeout: 30_000 });
  // The launcher's words reach this process through a pipe: waited for, not assumed to have come first.
  await expect.poll(() => stderr).toContain('restarting it');
  expect(webShellPid()).not.toBe(first);
  await expect(page.getByTestId('connection')).toContainText(`Registered as ${agent.extension}`);
  // The same window, never handed a new address.
  await expect.poll(() => stdout.match(/"web-shell-ready"/g)?.length).toBe(2);
});

test('Ctrl+C stops the launcher and the shell with it', async () => {
  const shell = webShellPid()!;
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
  launcher.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(existsSync(`/proc/${shell}`)).toBe(false);
});
