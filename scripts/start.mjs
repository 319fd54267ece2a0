#!/usr/bin/env node
// npm start: the Electron app when its binary exists; otherwise the web shell, opened in Chromium's app mode
// when there is a display, or its address printed when there is none. --demo starts the lab PBX and sample data.
// The web shell is restarted when it dies: it comes back on the same address and accepts the secret the open
// window holds, so the window reconnects by itself; only when the address had to change does it open a new one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
if (!existsSync('out/main/web.js')) {
  console.error('Agent Desktop is not built yet: run scripts/setup.sh (or npm run build) first.');
  process.exit(1);
}
/** A shell that dies sooner than this after starting is failing to start, not crashing: do not loop on it. */
const HEALTHY_AFTER_MS = 10_000;

let child;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
}

const electron = electronBinary();
if (electron) {
  child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('Electron binary not installed here; starting the web shell (same app, in Chromium).');
  startWebShell(['--open', ...args]);
}

function startWebShell(shellArgs) {
  const started = Date.now();
  child = spawn(process.execPath, ['out/main/web.js', ...shellArgs], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping || code === 0) process.exit(code ?? 0);
    if (Date.now() - started < HEALTHY_AFTER_MS) {
      console.error(`The web shell stopped (${signal ?? `exit ${code}`}) right after starting; not restarting it.`);
      process.exit(code ?? 1);
    }
    console.error(`The web shell stopped (${signal ?? `exit ${code}`}); restarting it. Open windows reconnect by themselves.`);
    startWebShell(['--reopen', ...args]);
  });
}
