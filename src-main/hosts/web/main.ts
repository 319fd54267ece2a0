/**
 * Entry of the web shell host: builds the app, starts the demo when asked, serves the workspace on 127.0.0.1.
 * Flags: --demo, --port N, --open (open in Chromium app mode when there is a display).
 * The SIP password comes from AGENT_DESKTOP_SIP_PASSWORD (never from a file); demo mode makes its own.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AgentDesktop } from '../../app/agent-desktop';
import { defaultDataDir, loadConfig } from '../../app/config';
import { Demo } from '../../app/demo';
import { withDemoTeam } from '../../app/demo-team';
import { openAppLog } from '../../app/app-log';
import { openInChromiumAppMode } from './open-browser';
import { startWebShell } from './web-shell';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { demo: { type: 'boolean', default: false }, port: { type: 'string', default: '0' }, open: { type: 'boolean', default: false } },
  });
  const demo = values.demo || process.env.AGENT_DESKTOP_DEMO === '1';
  const baseDir = process.env.AGENT_DESKTOP_DATA_DIR || defaultDataDir();
  const dataDir = demo ? join(baseDir, 'demo') : baseDir;
  // The rotating file in <dataDir>/logs, and stderr.
  const appLog = await openAppLog({ dataDir, scope: 'web' });
  const logger = appLog.logger;
  const config = demo ? withDemoTeam(loadConfig(baseDir)) : loadConfig(baseDir);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const app = new AgentDesktop({
    config,
    dataDir,
    host: 'web',
    version,
    demo,
    sipPassword: process.env.AGENT_DESKTOP_SIP_PASSWORD ?? null,
    logger,
    importWorker: join(here, 'import-worker.js'),
    media: 'renderer',
  });
  const shell = await startWebShell({ app, rendererDir: join(repoRoot, 'out', 'renderer'), logger, port: Number(values.port) });
  const demoRun = demo
    ? new Demo(app, { repoRoot, runDir: join(dataDir, 'lab-run'), logger })
    : null;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shell.close();
    await app.stop();
    await demoRun?.stop();
    await appLog.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (demoRun) await demoRun.start();
  else await app.start();
  // One line of JSON on stdout that scripts and tests wait for; everything else goes to stderr.
  process.stdout.write(JSON.stringify({ event: 'web-shell-ready', url: shell.url, demo }) + '\n');
  if (values.open && openInChromiumAppMode(shell.url)) return;
  process.stderr.write(`\nAgent Desktop is running. Open this address in Chromium or Chrome:\n  ${shell.url}\n\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`agent-desktop web shell could not start: ${err.message}\n`);
  process.exit(1);
});
