import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { logDir, openAppLog } from './app-log';

const SIP_PASSWORD = 'sip-secret-Zx81';

function logFiles(dataDir: string): string[] {
  return readdirSync(logDir(dataDir))
    .filter((f) => /^agent-desktop\.\d+\.log$/.test(f))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

describe('the app log', () => {
  it('writes JSON lines to a file in the data folder, and never the SIP password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-log-'));
    const log = await openAppLog({ dataDir, scope: 'test', alsoStderr: false });
    log.logger.info('softphone configured', { extension: '1001', password: SIP_PASSWORD });
    log.logger.warn('config', { pbx: { server: 'wss://pbx', password: SIP_PASSWORD }, sipPassword: SIP_PASSWORD });
    log.logger.error('failed', { error: 'boom' });
    await log.close();
    // A late line while the app is quitting neither throws nor reaches the closed file.
    expect(() => log.logger.info('late', { password: SIP_PASSWORD })).not.toThrow();
    await log.close();

    expect(logFiles(dataDir)).toEqual(['agent-desktop.1.log']);
    const text = readFileSync(join(logDir(dataDir), 'agent-desktop.1.log'), 'utf8');
    expect(text).not.toContain(SIP_PASSWORD);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.scope, l.message])).toEqual([
      ['info', 'test', 'softphone configured'],
      ['warn', 'test', 'config'],
      ['error', 'test', 'failed'],
    ]);
    expect(lines[0]).toMatchObject({ extension: '1001', password: '[redacted]' });
    expect(lines[1]).toMatchObject({ pbx: { server: 'wss://pbx', password: '[redacted]' }, sipPassword: '[redacted]' });
    expect(typeof lines[0]!.t).toBe('string');
  });

  it('rolls over to a new file at its size limit and keeps only the newest files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-log-'));
    const log = await openAppLog({ dataDir, scope: 'test', alsoStderr: false, maxFileBytes: 4096, filesKept: 3 });
    const filler = 'x'.repeat(200);
    // Each roll past the third file deletes the oldest, and says so when done.
    let cleanups = 0;
    log.file.on('cleanup-complete', () => cleanups++);
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 25; i++) log.logger.info('call ended', { round, i, filler });
      await once(log.file, 'cleanup-complete');
    }
    await log.close();

    const files = logFiles(dataDir);
    expect(files).toHaveLength(3);
    expect(Number(files[0]!.split('.')[1])).toBeGreaterThan(1);
    expect(cleanups).toBeGreaterThanOrEqual(6);
    for (const f of files.slice(0, -1)) {
      const size = readFileSync(join(logDir(dataDir), f)).length;
      // A file is rolled once it has reached the limit; it holds at most a few lines more than that.
      expect(size).toBeGreaterThanOrEqual(4096);
      expect(size).toBeLessThan(4096 + 8 * 1024);
    }
    // The newest lines are in the newest file.
    const kept = files.map((f) => readFileSync(join(logDir(dataDir), f), 'utf8')).join('');
    expect(kept).toContain('"round":5,"i":24');
    expect(kept).not.toContain('"round":0,');
  });
});
