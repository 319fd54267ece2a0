import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { eventChannels, requestChannels, subscriberName } from '../../src-shared/contract';

// The real Electron app, in demo mode, wherever the Electron binary exists. Where it does not, the test is
// skipped and says so in the run's output: a skipped launch must never read as a passed one.
const NOT_INSTALLED =
  'Electron binary not installed on this machine (its download host is unreachable); the Electron host was not launched';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('Electron host: demo mode opens the app with only the named bridge in the page', async () => {
  const binary = electronBinary();
  if (!binary) {
    console.log(NOT_INSTALLED);
    test.skip(true, NOT_INSTALLED);
    return;
  }
  expect(existsSync(join(repoRoot, 'out/main/electron.js')), 'out/main/electron.js is missing: run npx electron-vite build').toBe(true);

  const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-electron-e2e-'));
  const app = await electron.launch({
    executablePath: binary,
    // '.' starts package.json's main (out/main/electron.js) with the repository as the app path, as npm start
    // does, so demo mode finds the lab PBX configs and sample customers. Chromium refuses to run as root with
    // its OS sandbox; the renderer sandbox (sandbox: true, contextIsolation) is unaffected by that switch.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.', '--demo'],
    cwd: repoRoot,
    env: { ...process.env, AGENT_DESKTOP_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Agent Desktop');
    expect(page.url()).toBe('app://agent-desktop/index.html');
    await expect(page.getByTestId('call-bar')).toBeVisible();

    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const api = (scope.agentDesktop ?? {}) as Record<string, unknown>;
      return {
        keys: Object.keys(api).sort(),
        kinds: [...new Set(Object.values(api).map((value) => typeof value))],
        bridgeHasIpcRenderer: 'ipcRenderer' in api,
        pageHasIpcRenderer: 'ipcRenderer' in scope,
        pageHasRequire: typeof scope.require !== 'undefined',
        pageHasProcess: typeof scope.process !== 'undefined',
      };
    });
    expect(exposed.keys).toEqual([...requestChannels, ...eventChannels.map((event) => subscriberName(event))].sort());
    expect(exposed.kinds).toEqual(['function']);
    expect(exposed).toMatchObject({ bridgeHasIpcRenderer: false, pageHasIpcRenderer: false, pageHasRequire: false, pageHasProcess: false });

    // One request through the bridge, the IPC handler and the router, answered by the main process.
    const reply = await page.evaluate(() => {
      const api = (globalThis as unknown as { agentDesktop: { getAppInfo(request: object): Promise<unknown> } }).agentDesktop;
      return api.getAppInfo({});
    });
    expect(reply).toMatchObject({ ok: true, result: { name: 'Agent Desktop', host: 'electron', demo: true } });

    // window.open is always denied (and file: links are not handed to the system either).
    const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('file:///etc/passwd'));
    expect(opened).toBeNull();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
