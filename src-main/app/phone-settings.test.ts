import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../src-shared/contract';
import { loadConfig, type AppConfig } from './config';
import { silentLogger } from './logger';
import { PhoneSettings } from './phone-settings';
import type { SipPasswordStore } from './sip-password-store';

const pbx = { server: 'wss://pbx.example.com:8089/ws', domain: 'pbx.example.com', extension: '1001', displayName: 'Li Na' };

/** A keychain that remembers what it was given (or refuses, like a Linux desktop without one). */
function fakeKeychain(refuse = false): SipPasswordStore & { saved: string[] } {
  const saved: string[] = [];
  return {
    kind: 'keychain',
    saved,
    save: vi.fn(async (password: string) => {
      if (refuse) throw new Error('no unlocked keychain');
      saved.push(password);
    }),
  };
}

function settings(options: { password?: string | null; store?: SipPasswordStore; editable?: boolean; onCall?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-desktop-settings-'));
  let config: AppConfig = loadConfig(dataDir, {});
  const restarts: { config: AppConfig; password: string }[] = [];
  const restartPhone = vi.fn(async (next: AppConfig, password: string) => {
    config = next;
    restarts.push({ config: next, password });
  });
  const service = new PhoneSettings({
    dataDir,
    passwords: options.store ?? fakeKeychain(),
    initialPassword: options.password ?? null,
    editable: options.editable ?? true,
    config: () => config,
    onCall: () => options.onCall ?? false,
    restartPhone,
    logger: silentLogger,
  });
  const file = () => (existsSync(join(dataDir, 'config.json')) ? readFileSync(join(dataDir, 'config.json'), 'utf8') : null);
  return { service, restarts, restartPhone, file, dataDir };
}

describe('applying settings', () => {
  it('first setup: the password goes to the keychain, the rest to config.json, and the phone restarts with both', async () => {
    const store = fakeKeychain();
    const { service, restarts, file } = settings({ store });
    expect(service.view()).toMatchObject({ pbx: null, hasPassword: false, passwordKept: 'keychain', editable: true });

    const view = await service.save({ pbx, password: 'first-secret', uiLocale: 'zh-CN' });

    expect(store.saved).toEqual(['first-secret']);
    expect(file()).not.toContain('first-secret');
    expect(JSON.parse(file()!)).toMatchObject({ pbx, uiLocale: 'zh-CN' });
    expect(restarts).toHaveLength(1);
    expect(restarts[0]!.password).toBe('first-secret');
    expect(restarts[0]!.config.pbx).toEqual(pbx);
    expect(view).toEqual({ pbx, hasPassword: true, passwordKept: 'keychain', uiLocale: 'zh-CN', editable: true });
    expect(JSON.stringify(view)).not.toContain('first-secret');
  });

  it('an empty password field keeps the saved password and restarts the phone with it', async () => {
    const store = fakeKeychain();
    const { service, restarts } = settings({ store, password: 'from-keychain' });
    await service.save({ pbx: { ...pbx, displayName: 'Li Na (2)' }, password: '', uiLocale: 'en' });
    expect(store.saved).toEqual([]);
    expect(restarts[0]).toMatchObject({ password: 'from-keychain', config: { pbx: { displayName: 'Li Na (2)' } } });
  });

  it('a corrected password replaces the refused one', async () => {
    const store = fakeKeychain();
    const { service, restarts } = settings({ store });
    await service.save({ pbx, password: 'wrong', uiLocale: 'en' });
    await service.save({ pbx, password: 'right', uiLocale: 'en' });
    expect(restarts.map((r) => r.password)).toEqual(['wrong', 'right']);
    expect(service.sipPassword).toBe('right');
  });

  it('without any password, nothing is written and the phone is not restarted; the field says why', async () => {
    const { service, restartPhone, file } = settings();
    const refused = await service.save({ pbx, password: '', uiLocale: 'en' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ContractError);
    expect((refused as ContractError).issues).toEqual([{ path: 'password', message: 'settings.issue.passwordRequired' }]);
    expect(file()).toBeNull();
    expect(restartPhone).not.toHaveBeenCalled();
  });

  it('a keychain that cannot store the password changes nothing', async () => {
    const { service, restartPhone, file } = settings({ store: fakeKeychain(true) });
    const refused = (await service.save({ pbx, password: 'secret', uiLocale: 'en' }).catch((e: unknown) => e)) as ContractError;
    expect(refused.code).toBe('UNAVAILABLE');
    expect(refused.issues).toEqual([{ path: 'password', message: 'settings.issue.keychainUnavailable' }]);
    expect(file()).toBeNull();
    expect(restartPhone).not.toHaveBeenCalled();
    expect(service.view().hasPassword).toBe(false);
  });

  it('during a call it refuses, since restarting the phone would drop the customer; nothing is written', async () => {
    const store = fakeKeychain();
    const { service, restartPhone, file } = settings({ store, onCall: true });
    const refused = (await service.save({ pbx, password: 'secret', uiLocale: 'en' }).catch((e: unknown) => e)) as ContractError;
    expect(refused.issues).toEqual([{ path: 'root', message: 'settings.issue.onCall' }]);
    expect(store.saved).toEqual([]);
    expect(file()).toBeNull();
    expect(restartPhone).not.toHaveBeenCalled();
  });

  it('demo mode refuses, since the demo runs its own lab PBX', async () => {
    const { service, restartPhone, dataDir } = settings({ editable: false });
    await expect(service.save({ pbx, password: 'x', uiLocale: 'en' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(restartPhone).not.toHaveBeenCalled();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('two quick saves run one after the other: never two phones starting at once', async () => {
    const { service, restartPhone } = settings();
    let running = 0;
    let overlapped = false;
    restartPhone.mockImplementation(async () => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
    });
    await Promise.all([service.save({ pbx, password: 'a', uiLocale: 'en' }), service.save({ pbx, password: 'b', uiLocale: 'en' })]);
    expect(restartPhone).toHaveBeenCalledTimes(2);
    expect(overlapped).toBe(false);
    expect(service.sipPassword).toBe('b');
  });
});
