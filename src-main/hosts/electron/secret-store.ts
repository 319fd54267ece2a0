/**
 * The SIP password (and the team server's refresh token, in a file of its own), encrypted by the OS keychain (Electron safeStorage) and kept as base64 in a file in
 * userData. When the OS offers no real encryption the password is not stored at all: never as plain text.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { SipPasswordStore } from '../../app/sip-password-store';

const FILE_NAME = 'sip-password.enc';

export class SecretStoreUnavailable extends Error {
  constructor() {
    super(
      'The SIP password cannot be saved because this computer has no unlocked keychain. ' +
        'Sign in to a desktop session with GNOME Keyring or KWallet (Linux), or to your user account (Windows, macOS), and try again.',
    );
    this.name = 'SecretStoreUnavailable';
  }
}

export class SecretStore implements SipPasswordStore {
  readonly kind = 'keychain';
  private readonly file: string;

  /** fileName: another secret under the same keychain protection (the team server's refresh token). */
  constructor(userDataDir: string, fileName = FILE_NAME) {
    this.file = join(userDataDir, fileName);
  }

  /** The settings screen's save: the password entered there, encrypted by the keychain. */
  save(password: string): Promise<void> {
    return this.saveSipPassword(password);
  }

  async saveSipPassword(password: string): Promise<void> {
    if (!(await this.encryptionAvailable())) throw new SecretStoreUnavailable();
    const encrypted = await safeStorage.encryptStringAsync(password);
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, encrypted.toString('base64'), { mode: 0o600 });
    await rename(temporary, this.file);
  }

  /** The stored password, or null when none was saved. */
  async readSipPassword(): Promise<string | null> {
    if (!existsSync(this.file)) return null;
    if (!(await this.encryptionAvailable())) throw new SecretStoreUnavailable();
    const encrypted = Buffer.from((await readFile(this.file, 'utf8')).trim(), 'base64');
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
    // The OS rotated or upgraded its key: store the password again under the new one.
    if (shouldReEncrypt) await this.saveSipPassword(result);
    return result;
  }

  async forgetSipPassword(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /**
   * Real encryption only. On Linux without a keyring Electron falls back to 'basic_text', a key built into
   * Chromium: that is plain text in disguise, so it counts as unavailable.
   */
  private async encryptionAvailable(): Promise<boolean> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }
}
