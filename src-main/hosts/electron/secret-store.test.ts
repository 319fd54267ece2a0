import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const keychain = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', reEncrypt: false }));
// A reversible stand-in for the OS keychain: good enough to see what reaches the disk.
vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => keychain.available,
    getSelectedStorageBackend: () => keychain.backend,
    encryptStringAsync: async (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptStringAsync: async (data: Buffer) => ({
      result: [...data.toString().slice(4)].reverse().join(''),
      shouldReEncrypt: keychain.reEncrypt,
    }),
  },
}));
const { SecretStore, SecretStoreUnavailable } = await import('./secret-store');
const { PhoneSettings } = await import('../../app/phone-settings');
const { loadConfig } = await import('../../app/config');
const { silentLogger } = await import('../../app/logger');

describe('secret store', () => {
  beforeEach(() => Object.assign(keychain, { available: true, backend: 'gnome_libsecret', reEncrypt: false }));
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-store-'));
    return { dir, store: new SecretStore(dir) };
  };

  it('reads null when no password was saved', async () => {
    await expect(fresh().store.readSipPassword()).resolves.toBeNull();
  });

  it('keeps the password encrypted, as base64, and reads it back', async () => {
    const { dir, store } = fresh();
    await store.saveSipPassword('s3cret-pass');
    const onDisk = readFileSync(join(dir, 'sip-password.enc'), 'utf8');
    expect(onDisk).not.toContain('s3cret-pass');
    expect(Buffer.from(onDisk, 'base64').toString()).toBe('enc:ssap-terc3s');
    await expect(store.readSipPassword()).resolves.toBe('s3cret-pass');
    await store.forgetSipPassword();
    await expect(store.readSipPassword()).resolves.toBeNull();
  });

  it("keeps the team server's refresh token apart from the SIP password, encrypted too", async () => {
    const { dir, store } = fresh();
    const team = new SecretStore(dir, 'team-session.enc');
    await store.saveSipPassword('s3cret-pass');
    await team.saveSipPassword('refresh-token-value');
    expect(readFileSync(join(dir, 'team-session.enc'), 'utf8')).not.toContain('refresh-token-value');
    await expect(store.readSipPassword()).resolves.toBe('s3cret-pass');
    await expect(team.readSipPassword()).resolves.toBe('refresh-token-value');
    await team.forgetSipPassword();
    await expect(store.readSipPassword()).resolves.toBe('s3cret-pass');
  });

  it('refuses to store without a keychain, and never writes plain text instead', async () => {
    for (const state of [{ available: false }, { available: true, backend: 'basic_text' }]) {
      Object.assign(keychain, state);
      const { dir, store } = fresh();
      await expect(store.saveSipPassword('s3cret-pass')).rejects.toBeInstanceOf(SecretStoreUnavailable);
      expect(existsSync(join(dir, 'sip-password.enc'))).toBe(false);
    }
  });

  it('re-encrypts when the keychain asks for it', async () => {
    const { store } = fresh();
    await store.saveSipPassword('s3cret-pass');
    keychain.reEncrypt = true;
    const save = vi.spyOn(store, 'saveSipPassword');
    await expect(store.readSipPassword()).resolves.toBe('s3cret-pass');
    expect(save).toHaveBeenCalledWith('s3cret-pass');
  });

  it('is where the settings screen saves the password: encrypted beside config.json, which holds none; read back at the next start', async () => {
    const { dir, store } = fresh();
    const settings = new PhoneSettings({
      dataDir: dir,
      passwords: store,
      initialPassword: null,
      editable: true,
      config: () => loadConfig(dir, {}),
      onCall: () => false,
      restartPhone: async () => undefined,
      logger: silentLogger,
    });
    const pbx = { server: 'wss://pbx.example.com/ws', domain: 'pbx.example.com', extension: '1001', displayName: '' };
    await expect(settings.save({ pbx, password: 's3cret-pass', uiLocale: 'en' })).resolves.toMatchObject({ hasPassword: true, passwordKept: 'keychain' });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain('s3cret-pass');
    expect(readFileSync(join(dir, 'sip-password.enc'), 'utf8')).not.toContain('s3cret-pass');
    await expect(new SecretStore(dir).readSipPassword()).resolves.toBe('s3cret-pass');
  });
});
