#!/usr/bin/env node
// npm start: the Electron app when its binary exists; otherwise the web shell, opened in Chromium's app mode
// when there is a display, or its address printed when there is none. --demo starts the lab PBX and sample data.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
if (!existsSync('out/main/web.js')) {
  console.error('Agent Desktop is not built yet: run scripts/setup.sh (or npm run build) first.');
  process.exit(1);
}
const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.', ...args], { stdio: 'inherit' })
  : (console.error('Electron binary not installed here; starting the web shell (same app, in Chromium).'),
    spawn(process.execPath, ['out/main/web.js', '--open', ...args], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
