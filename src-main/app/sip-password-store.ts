/**
 * Where the SIP password is kept between saves. Electron: the OS keychain (hosts/electron/secret-store.ts).
 * The web shell has no keychain, so it keeps the password in this process's memory only: gone when it stops,
 * never written to disk.
 */
export interface SipPasswordStore {
  readonly kind: 'keychain' | 'session';
  save(password: string): Promise<void>;
}

export class SessionPasswordStore implements SipPasswordStore {
  readonly kind = 'session';
  async save(): Promise<void> {
    // The password lives only in PhoneSettings' memory for this session; nothing to persist.
  }
}
