import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PbxSettings } from '../../src-shared/domain/phone-settings';
import type { Locale } from '../../src-shared/domain/screen-pop';
import { AppConfig } from './config';

/** What the settings screen changes in config.json; everything else in the file is kept as it was. */
export interface ConfigChanges {
  pbx: PbxSettings;
  uiLocale: Locale;
}

/**
 * Writes the settings screen's changes into <dataDir>/config.json and returns the configuration as the app
 * reads it. The file never holds a secret: the SIP password is not among the changes this takes. The result
 * is checked against AppConfig first, so a save can never leave a file the next start refuses; it is written
 * to a temporary file and renamed, so a crash mid-write leaves the old file whole.
 */
export function writeConfigChanges(dataDir: string, changes: ConfigChanges): AppConfig {
  const file = join(dataDir, 'config.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const { server, domain, extension, displayName } = changes.pbx;
  const next = { ...current, uiLocale: changes.uiLocale, pbx: { server, domain, extension, displayName } };
  const parsed = AppConfig.safeParse(next);
  if (!parsed.success) {
    throw new Error(`config.json would not be valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
  renameSync(temporary, file);
  return parsed.data;
}

/**
 * Writes the team server's address and user name (never a password or token) into config.json, the rest of the
 * file kept as it was; checked and renamed into place like the settings screen's other changes.
 */
export function writeTeamChange(dataDir: string, team: { server: string; username: string }): AppConfig {
  const file = join(dataDir, 'config.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const next = { ...current, team: { server: team.server, username: team.username } };
  const parsed = AppConfig.safeParse(next);
  if (!parsed.success) {
    throw new Error(`config.json would not be valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
  renameSync(temporary, file);
  return parsed.data;
}
