#!/usr/bin/env node
// The CLI is built with the app (npm run build); say so instead of a stack trace when it is not.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('agent-desktop: not built yet. Run "npm run build" (or scripts/setup.sh) first.\n');
  process.exit(1);
}
await import(cli.href);
