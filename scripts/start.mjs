#!/usr/bin/env node
// npm start: the Electron app when its binary exists; otherwise the web shell, opened in Chromium's app mode
// when there is a display, or its address printed when there is none. --demo starts the lab PBX and sample data.
// The web shell is restarted when it dies: it comes back on the same address and accepts the secret the open
// window holds, so the window reconnects by itself; only when the address had to change does it open a new one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
if (!existsSync('out/main/web.js')) {
  console.error('Agent Desktop is not built yet: run scripts/setup.sh (or npm run build) first.');
  process.exit(1);
}
/** More crashes than this within the window is a shell that cannot stay up: stop rather than loop. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;

let child;
let stopping = false;
const restarts = [];
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
  let ready = false;
  child = spawn(process.execPath, ['out/main/web.js', ...shellArgs], { stdio: ['inherit', 'pipe', 'inherit'] });
  // Passed on as it comes; the ready line says the shell got as far as serving.
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes('"web-shell-ready"')) ready = true;
    process.stdout.write(line + '\n');
  });
  child.on('exit', (code, signal) => {
    if (stopping || code === 0) process.exit(code ?? 0);
    const now = Date.now();
    while (restarts.length && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
    if (!ready || restarts.length >= MAX_RESTARTS) {
      console.error(`The web shell stopped (${signal ?? `exit ${code}`})${ready ? ' again' : ' before it was ready'}; not restarting it.`);
      process.exit(code ?? 1);
    }
    restarts.push(now);
    console.error(`The web shell stopped (${signal ?? `exit ${code}`}); restarting it. Open windows reconnect by themselves.`);
    startWebShell(['--reopen', ...args]);
  });
}
