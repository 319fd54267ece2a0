import { describe, expect, it } from 'vitest';
import { isLoopbackHost, PbxServer, settingsFormSchema, SettingsUpdate } from './phone-settings';

const pbx = { server: 'wss://pbx.example.com:8089/ws', domain: 'pbx.example.com', extension: '1001', displayName: 'Li Na' };
const issueOf = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('PBX address', () => {
  it('takes wss:// anywhere and plain ws:// only on this computer', () => {
    for (const ok of ['wss://pbx.example.com:8089/ws', 'wss://10.0.0.5', 'ws://127.0.0.1:5066', 'ws://localhost:8080/ws', 'ws://[::1]:5066', 'ws://127.1.2.3']) {
      expect(PbxServer.safeParse(ok).success, ok).toBe(true);
    }
    for (const remote of ['ws://pbx.example.com:8080/ws', 'ws://10.0.0.5:5066', 'ws://127.0.0.1.evil.com', 'WS://192.168.1.2']) {
      expect(issueOf(PbxServer.safeParse(remote)), remote).toEqual([': settings.issue.wssRequired']);
    }
  });

  it('names what is wrong with an address that is not a WebSocket URL', () => {
    expect(issueOf(PbxServer.safeParse(''))).toContain(': settings.issue.serverRequired');
    for (const bad of ['https://pbx.example.com', 'pbx.example.com', 'wss://pbx example.com', 'wss://pbx.example.com/ws?x=<script>']) {
      expect(issueOf(PbxServer.safeParse(bad)), bad).toEqual([': settings.issue.serverFormat']);
    }
  });

  it('knows loopback from names that only start like it', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });
});

describe('settings update', () => {
  it('accepts a complete update and trims what was typed', () => {
    const r = SettingsUpdate.safeParse({ pbx: { ...pbx, extension: ' 1001 ' }, password: 's3cret', uiLocale: 'th' });
    expect(r.success && r.data.pbx.extension).toBe('1001');
  });

  it('refuses an extension, domain or display name that would not fit in a SIP address or header', () => {
    const r = SettingsUpdate.safeParse({
      pbx: { ...pbx, extension: '10 01', domain: 'pbx.example.com/evil', displayName: 'Li\r\nVia: x' },
      password: '',
      uiLocale: 'en',
    });
    expect(issueOf(r)).toEqual([
      'pbx.domain: settings.issue.domainFormat',
      'pbx.extension: settings.issue.extensionFormat',
      'pbx.displayName: settings.issue.displayNameFormat',
    ]);
  });

  it('refuses unknown fields, so nothing else can ride into config.json', () => {
    expect(SettingsUpdate.safeParse({ pbx: { ...pbx, password: 'x' }, password: '', uiLocale: 'en' }).success).toBe(false);
    expect(SettingsUpdate.safeParse({ pbx, password: '', uiLocale: 'en', teamLead: {} }).success).toBe(false);
  });

  it('needs a password on first setup, and keeps the saved one when the field is left empty', () => {
    const update = { pbx, password: '', uiLocale: 'zh-CN' };
    expect(issueOf(settingsFormSchema(false).safeParse(update))).toEqual(['password: settings.issue.passwordRequired']);
    expect(settingsFormSchema(true).safeParse(update).success).toBe(true);
  });
});
