import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { writeConfigChanges } from './config-file';

const pbx = { server: 'wss://pbx.example.com:8089/ws', domain: 'pbx.example.com', extension: '1001', displayName: 'Li Na' };
const fresh = () => mkdtempSync(join(tmpdir(), 'agent-desktop-config-'));

describe('config.json written from settings', () => {
  it('creates the file an unconfigured desktop lacks, readable only by the agent, and the next start reads it back', () => {
    const dir = fresh();
    const config = writeConfigChanges(dir, { pbx, uiLocale: 'th' });
    expect(config.pbx).toEqual(pbx);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(loadConfig(dir, {})).toMatchObject({ uiLocale: 'th', pbx });
  });

  it('keeps everything else the file says (agent options, team lead, keys it does not know)', () => {
    const dir = fresh();
    const before = {
      defaultRegion: 'TH',
      agent: { acwSeconds: 45 },
      teamLead: { team: [{ extension: '1002', name: '李娜' }] },
      pbx: { server: 'ws://127.0.0.1:5066', domain: 'old', extension: '9', displayName: '' },
      futureSection: { kept: true },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(before));
    writeConfigChanges(dir, { pbx, uiLocale: 'zh-TW' });
    const after = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(after).toEqual({ ...before, pbx, uiLocale: 'zh-TW' });
    expect(loadConfig(dir, {}).agent.acwSeconds).toBe(45);
  });

  it('never writes a password, even one smuggled in beside the PBX settings', () => {
    const dir = fresh();
    const smuggled = { ...pbx, password: 'hunter2-secret' } as typeof pbx;
    writeConfigChanges(dir, { pbx: smuggled, uiLocale: 'en' });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain('hunter2-secret');
  });

  it('refuses a change the loader would refuse, and leaves the old file as it was', () => {
    const dir = fresh();
    writeConfigChanges(dir, { pbx, uiLocale: 'en' });
    const old = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(() => writeConfigChanges(dir, { pbx: { ...pbx, extension: 'not valid!' }, uiLocale: 'en' })).toThrow(/pbx.extension/);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(old);
  });
});
