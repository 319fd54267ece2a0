/**
 * Entry of the Electron host. One instance per user; security defaults before anything loads; the app built
 * from configuration; demo mode (--demo or AGENT_DESKTOP_DEMO=1) adds the lab PBX and calling customers.
 * AGENT_DESKTOP_DATA_DIR moves userData, as it moves the web shell's data folder.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import { AgentDesktop } from '../../app/agent-desktop';
import { loadConfig } from '../../app/config';
import { withDemoTeam } from '../../app/demo-team';
import { Demo, DEMO_AGENT } from '../../app/demo';
import { DemoTeamServer } from '../../app/demo-team-server';
import { memoryTokenStore, type RefreshTokenStore } from '../../services/sync/team-client';
import { openAppLog, type AppLog } from '../../app/app-log';
import { createLogger, type Logger } from '../../app/logger';
import { forwardEvents, handleContractRequests } from './ipc';
import { bringToFront, openMainWindow } from './main-window';
import { registerAppScheme, serveRenderer } from './protocol';
import { SecretStore } from './secret-store';
import { applySecurity } from './security';
import { WindowStateStore } from './window-state';

/** How long quitting waits for the softphone to unregister and the lab PBX to stop. */
const STOP_TIMEOUT_MS = 8_000;

// stderr until start() opens the rotating file in <userData>/logs.
let log: Logger = createLogger('electron');
let appLog: AppLog | null = null;
const demoMode = process.argv.includes('--demo') || process.env.AGENT_DESKTOP_DEMO === '1';
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.env.AGENT_DESKTOP_DATA_DIR) app.setPath('userData', process.env.AGENT_DESKTOP_DATA_DIR);
registerAppScheme();
// The demo's media relay (the lab rtpengine) listens on 127.0.0.1, which WebRTC otherwise leaves out.
if (demoMode) app.commandLine.appendSwitch('allow-loopback-in-peer-connection');

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) bringToFront(mainWindow);
  });
  // A softphone with no window would ring where nobody can answer: closing the window quits, on every platform.
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  start().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    log.error('Agent Desktop could not start', { error: message });
    dialog.showErrorBox('Agent Desktop could not start', message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  appLog = await openAppLog({ dataDir: userData, scope: 'electron' });
  log = appLog.logger;
  await applySecurity(log);
  serveRenderer(join(outDir, 'renderer'));

  const config = demoMode ? withDemoTeam(loadConfig(userData)) : loadConfig(userData);
  // The demo's team server starts first: the desktop signs in to it.
  const teamServer = demoMode ? new DemoTeamServer(app.getAppPath(), join(userData, 'demo', 'lab-run'), log) : null;
  if (teamServer) config.team = await teamServer.start(DEMO_AGENT.extension);
  const agentDesktop = new AgentDesktop({
    config,
    dataDir: demoMode ? join(userData, 'demo') : userData,
    host: 'electron',
    version: app.getVersion(),
    demo: demoMode,
    sipPassword: demoMode ? null : await readSipPassword(userData),
    passwordStore: new SecretStore(userData),
    logger: log,
    importWorker: join(outDir, 'main', 'import-worker.js'),
    media: 'renderer',
    // The team server's refresh token is kept by the keychain (safeStorage), so a restart needs no password; the
    // demo's lives in memory. The first password is entered in the settings screen (TeamSession).
    team: { password: teamServer?.agentPassword ?? null, refreshTokens: teamServer ? memoryTokenStore() : keychainTokenStore(userData) },
  });
  const demo = demoMode
    ? new Demo(agentDesktop, { repoRoot: app.getAppPath(), runDir: join(userData, 'demo', 'lab-run'), logger: log, recordingsTo: teamServer?.recordingDestination })
    : null;

  const stopHandlingRequests = handleContractRequests(agentDesktop.router);
  mainWindow = openMainWindow(join(outDir, 'preload', 'preload.cjs'), new WindowStateStore(userData, log), log);
  const stopForwardingEvents = forwardEvents(agentDesktop.events, mainWindow.webContents);
  // After sleep the WebSocket often looks open but is dead: check it at once rather than at the next keepalive.
  powerMonitor.on('resume', () => agentDesktop.resumed());

  stopBeforeQuit(async () => {
    stopForwardingEvents();
    stopHandlingRequests();
    await agentDesktop.stop();
    await demo?.stop();
    await teamServer?.stop();
    await appLog?.close();
  });

  if (demo) await demo.start().catch((err: unknown) => log.error('demo could not start', { error: String(err) }));
  else await agentDesktop.start();
}

function keychainTokenStore(userData: string): RefreshTokenStore {
  const store = new SecretStore(userData, 'team-session.enc');
  return {
    load: () => store.readSipPassword().catch(() => null),
    save: (token) => (token ? store.saveSipPassword(token) : store.forgetSipPassword()),
  };
}

async function readSipPassword(userData: string): Promise<string | null> {
  try {
    return await new SecretStore(userData).readSipPassword();
  } catch (err) {
    // The app still opens and says the softphone is not configured; the log says why.
    log.warn('SIP password not available', { error: err instanceof Error ? err.message : String(err) });
    return null;
  }
}

/** Holds the first quit until everything has stopped (or STOP_TIMEOUT_MS passed), then quits for real. */
function stopBeforeQuit(stop: () => Promise<void>): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn('stopping took too long; quitting anyway', { timeoutMs: STOP_TIMEOUT_MS });
        resolve();
      }, STOP_TIMEOUT_MS);
    });
    Promise.race([stop(), timeout])
      .catch((err: unknown) => log.error('error while stopping', { error: String(err) }))
      .finally(() => {
        clearTimeout(timer);
        state = 'stopped';
        app.quit();
      });
  });
}
