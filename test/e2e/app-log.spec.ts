import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebShellProcess } from './web-shell-process';

// The app's log is a file in its data folder a support engineer can ask for, and it never holds the SIP password.
test('the web shell writes its log to <data folder>/logs, without the SIP password', async () => {
  const sipPassword = 'e2e-log-secret-9f3k';
  // A PBX address nothing listens on: the softphone fails, retries and logs why.
  // A data folder of the test's own: the helper removes the ones it makes when the shell stops.
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-log-e2e-'));
  const shell = await startWebShellProcess([], {
    AGENT_DESKTOP_DATA_DIR: dataDir,
    AGENT_DESKTOP_PBX_URL: 'ws://127.0.0.1:9/ws',
    AGENT_DESKTOP_EXTENSION: '1001',
    AGENT_DESKTOP_SIP_PASSWORD: sipPassword,
  });
  const logFile = join(shell.dataDir, 'logs', 'agent-desktop.1.log');
  const logText = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  await expect.poll(logText).toContain('WebSocket error');
  await shell.stop();

  expect(readdirSync(join(shell.dataDir, 'logs'))).toEqual(['agent-desktop.1.log']);
  const text = logText();
  const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { level: string; scope: string; message: string });
  expect(lines[0]).toMatchObject({ level: 'info', scope: 'web', message: 'web shell listening' });
  expect(lines.some((l) => l.level === 'error' && l.message.startsWith('sip.js'))).toBe(true);
  expect(text).not.toContain(sipPassword);
  expect(shell.log()).not.toContain(sipPassword);
});
