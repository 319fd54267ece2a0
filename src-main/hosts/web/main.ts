/**
 * Entry of the web shell host: builds the app, starts the demo when asked, serves the workspace on 127.0.0.1.
 * Flags: --demo, --port N, --open (open in Chromium app mode when there is a display), --reopen (a launcher's
 * restart: open a window only when the last address could not be had again, since open pages reconnect by themselves).
 * The SIP password comes from AGENT_DESKTOP_SIP_PASSWORD (never from a file); demo mode makes its own.
 * AGENT_DESKTOP_LAUNCH_KEY (hex) lets the launcher mint one-time codes itself; otherwise the shell makes one.
 * Both are taken out of the environment before anything else runs, so no child process inherits them.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AgentDesktop } from '../../app/agent-desktop';
import { defaultDataDir, loadConfig } from '../../app/config';
import { Demo, DEMO_AGENT } from '../../app/demo';
import { DemoTeamServer } from '../../app/demo-team-server';
import { withDemoTeam } from '../../app/demo-team';
import { OneTimeCodes } from './one-time-codes';
import { openInChromiumAppMode, type AppWindow } from './open-browser';
import { loadWebSession, saveWebSession } from './web-session';
import { openAppLog } from '../../app/app-log';
import { startWebShell } from './web-shell';
import { memoryTokenStore } from '../../services/sync/team-client';

/** Reads a secret from the environment and removes it, so Kamailio, SIPp or Chromium never inherit it. */
function takeFromEnv(name: string): string | null {
  const value = process.env[name] || null;
  delete process.env[name];
  return value;
}
const sipPassword = takeFromEnv('AGENT_DESKTOP_SIP_PASSWORD');
const launchKey = takeFromEnv('AGENT_DESKTOP_LAUNCH_KEY');
const teamPasswordFromEnv = takeFromEnv('AGENT_DESKTOP_TEAM_PASSWORD');

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      open: { type: 'boolean', default: false },
      reopen: { type: 'boolean', default: false },
    },
  });
  const demo = values.demo || process.env.AGENT_DESKTOP_DEMO === '1';
  const baseDir = process.env.AGENT_DESKTOP_DATA_DIR || defaultDataDir();
  const dataDir = demo ? join(baseDir, 'demo') : baseDir;
  // The rotating file in <dataDir>/logs, and stderr.
  const appLog = await openAppLog({ dataDir, scope: 'web' });
  const logger = appLog.logger;
  const config = demo ? withDemoTeam(loadConfig(baseDir)) : loadConfig(baseDir);
  // The demo's team server (PostgreSQL + one server process) starts first: the desktop signs in to it.
  const teamServer = demo ? new DemoTeamServer(repoRoot, join(dataDir, 'lab-run'), logger) : null;
  let teamPassword = teamPasswordFromEnv;
  if (teamServer) {
    config.team = await teamServer.start(DEMO_AGENT.extension);
    teamPassword = teamServer.agentPassword;
  }
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const app = new AgentDesktop({
    config,
    dataDir,
    host: 'web',
    version,
    demo,
    sipPassword,
    team: { password: teamPassword, refreshTokens: memoryTokenStore() },
    logger,
    importWorker: join(here, 'import-worker.js'),
    media: 'renderer',
  });
  const session = loadWebSession(dataDir);
  // A launch key too short to be secret would let anyone mint codes: use it only when it is 32 random bytes.
  const usableKey = launchKey && /^[0-9a-f]{64}$/i.test(launchKey) ? Buffer.from(launchKey, 'hex') : null;
  if (launchKey && !usableKey) logger.warn('web shell: AGENT_DESKTOP_LAUNCH_KEY is not 64 hex digits; ignored');
  const codes = new OneTimeCodes(usableKey ?? randomBytes(32));
  const shell = await startWebShell({
    app,
    rendererDir: join(repoRoot, 'out', 'renderer'),
    logger,
    port: Number(values.port),
    preferredPort: session.port,
    secret: session.secret,
    codes,
  });
  const moved = shell.port !== session.port;
  saveWebSession(dataDir, { secret: session.secret, port: shell.port });
  const demoRun = demo
    ? new Demo(app, { repoRoot, runDir: join(dataDir, 'lab-run'), logger, recordingsTo: teamServer?.recordingDestination })
    : null;

  let appWindow: AppWindow | null = null;
  let stopping = false;
  const stop = async () => {
    // Asked twice (an impatient second Ctrl+C): go now; the demo's lab processes are killed on the way out.
    if (stopping) process.exit(1);
    stopping = true;
    let failed = false;
    // Each step whatever the one before it did: a stop that failed must not leave the PBX or the team server running.
    for (const step of [() => appWindow?.close(), () => shell.close(), () => app.stop(), () => demoRun?.stop(), () => teamServer?.stop(), () => appLog.close()]) {
      try {
        await step();
      } catch (err) {
        failed = true;
        logger.error('web shell: a part did not stop cleanly', { error: (err as Error).message });
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The terminal closed: stop as for Ctrl+C (the demo's lab processes, in groups of their own, would not hear it).
  process.on('SIGHUP', () => void stop());

  if (demoRun) await demoRun.start();
  else await app.start();
  // One line of JSON on stdout that scripts and tests wait for; everything else goes to stderr.
  // The address carries a one-time code, never the session secret.
  process.stdout.write(JSON.stringify({ event: 'web-shell-ready', origin: shell.origin, url: shell.openUrl(), demo }) + '\n');
  if (values.reopen && !moved) return;
  if (values.open || values.reopen) {
    appWindow = openInChromiumAppMode(shell.openUrl());
    if (appWindow) return;
  }
  process.stderr.write(`\nAgent Desktop is running. Open this address in Chromium or Chrome (it works once, for 10 minutes):\n  ${shell.openUrl()}\n\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`agent-desktop web shell could not start: ${err.message}\n`);
  process.exit(1);
});
