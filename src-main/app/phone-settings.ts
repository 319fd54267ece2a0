import { ContractError } from '../../src-shared/contract';
import type { SettingsUpdate, SettingsView } from '../../src-shared/domain/phone-settings';
import type { AppConfig } from './config';
import { writeConfigChanges } from './config-file';
import type { Logger } from './logger';
import type { SipPasswordStore } from './sip-password-store';

export interface PhoneSettingsOptions {
  /** Where config.json lives (the user-data folder). */
  dataDir: string;
  passwords: SipPasswordStore;
  /** The password read at start (keychain, or the web shell's environment); null when there is none yet. */
  initialPassword: string | null;
  /** False in demo mode: the demo's lab PBX is not the agent's to reconfigure. */
  editable: boolean;
  config(): AppConfig;
  /** Whether a call is ringing or in progress: restarting the phone would drop it. */
  onCall(): boolean;
  /** Stops the softphone and starts it again with this configuration and password. */
  restartPhone(config: AppConfig, password: string): Promise<void>;
  logger: Logger;
}

/**
 * The settings screen's service: shows what is configured (never the password) and applies a change without a
 * restart of the app: the password to its store, the rest to config.json, then the phone restarted with both.
 * Saves run one at a time, so two quick clicks never start two phones.
 */
export class PhoneSettings {
  private password: string | null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PhoneSettingsOptions) {
    this.password = options.initialPassword || null;
  }

  /** The password the phone uses now (memory only). */
  get sipPassword(): string | null {
    return this.password;
  }

  view(): SettingsView {
    const config = this.options.config();
    return {
      pbx: config.pbx,
      hasPassword: this.password !== null,
      passwordKept: this.options.passwords.kind,
      uiLocale: config.uiLocale,
      editable: this.options.editable,
    };
  }

  save(update: SettingsUpdate): Promise<SettingsView> {
    const run = this.queue.then(() => this.apply(update));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(update: SettingsUpdate): Promise<SettingsView> {
    if (!this.options.editable) {
      throw new ContractError('UNAVAILABLE', 'Demo mode runs its own lab PBX; its settings cannot be changed.', undefined, {
        key: 'mainError.settings.demo',
      });
    }
    if (this.options.onCall()) {
      throw new ContractError('UNAVAILABLE', 'Saving restarts the phone: finish the call first.', [{ path: 'root', message: 'settings.issue.onCall' }], {
        key: 'mainError.settings.onCall',
      });
    }
    // An empty password field keeps the saved password; the form never shows it.
    const password = update.password || this.password;
    if (!password) {
      throw new ContractError('INVALID_REQUEST', 'Enter the SIP password.', [{ path: 'password', message: 'settings.issue.passwordRequired' }], {
        key: 'mainError.settings.passwordRequired',
      });
    }
    if (update.password) {
      try {
        await this.options.passwords.save(update.password);
      } catch (err) {
        // Nothing else changes: the agent sees why on the password field and can try again.
        throw new ContractError('UNAVAILABLE', (err as Error).message, [{ path: 'password', message: 'settings.issue.keychainUnavailable' }], {
          key: 'mainError.settings.keychain',
        });
      }
    }
    this.password = password;
    const config = writeConfigChanges(this.options.dataDir, { pbx: update.pbx, uiLocale: update.uiLocale });
    this.options.logger.info('settings saved; restarting the phone', {
      server: update.pbx.server,
      extension: update.pbx.extension,
      passwordChanged: update.password !== '',
    });
    await this.options.restartPhone(config, password);
    return this.view();
  }
}
