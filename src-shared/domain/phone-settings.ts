/**
 * The settings an agent enters on the settings (and first-run) screen: how the phone reaches the PBX, the SIP
 * password and the language. One schema for both sides: the form validates with it as the agent types, and the
 * contract validates the request with it again in main before anything is written.
 *
 * Each issue's message is a message key (settings.issue.*), so the renderer says it in the agent's language.
 */
import { z } from 'zod';
import { Locale } from './screen-pop';

export const SETTINGS_ISSUES = [
  'settings.issue.serverRequired',
  'settings.issue.serverFormat',
  'settings.issue.wssRequired',
  'settings.issue.domainFormat',
  'settings.issue.extensionFormat',
  'settings.issue.displayNameFormat',
  'settings.issue.passwordRequired',
  'settings.issue.passwordFormat',
  'settings.issue.keychainUnavailable',
  'settings.issue.onCall',
] as const;
export type SettingsIssue = (typeof SETTINGS_ISSUES)[number];

const issue = (key: SettingsIssue) => ({ message: key });

/** ws(s)://host[:port][/path]: the host as written, IPv6 in brackets. */
const WEBSOCKET_URL = /^(wss?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^\s?#]*)?$/i;

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this computer, so plain ws:// exposes nothing. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The PBX's WebSocket address. A SIP password crosses this link (digest, but the calls' signalling too), so
 * anything that leaves the computer must be wss://.
 */
export const PbxServer = z
  .string()
  .trim()
  .min(1, issue('settings.issue.serverRequired'))
  .max(500, issue('settings.issue.serverFormat'))
  .regex(WEBSOCKET_URL, issue('settings.issue.serverFormat'))
  .refine((url) => {
    const m = WEBSOCKET_URL.exec(url);
    return !m || m[1]!.toLowerCase() === 'wss' || isLoopbackHost(m[2]!);
  }, issue('settings.issue.wssRequired'));

export const PbxSettings = z
  .object({
    server: PbxServer,
    /** The SIP domain of the agent's address (sip:extension@domain). */
    domain: z
      .string()
      .trim()
      .max(253, issue('settings.issue.domainFormat'))
      .regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/, issue('settings.issue.domainFormat')),
    extension: z.string().trim().regex(/^[0-9A-Za-z_.-]{1,32}$/, issue('settings.issue.extensionFormat')),
    /** Shown to the people the agent calls; control characters would end up in a SIP header. */
    displayName: z
      .string()
      .trim()
      .max(100, issue('settings.issue.displayNameFormat'))
      .regex(/^[^\x00-\x1f\x7f"\\]*$/, issue('settings.issue.displayNameFormat')),
  })
  .strict();
export type PbxSettings = z.infer<typeof PbxSettings>;

/** Empty means "keep the saved password" (the form never shows a saved one). */
export const SipPasswordInput = z
  .string()
  .max(128, issue('settings.issue.passwordFormat'))
  .regex(/^[^\x00-\x1f\x7f]*$/, issue('settings.issue.passwordFormat'));

export const SettingsUpdate = z
  .object({
    pbx: PbxSettings,
    password: SipPasswordInput,
    uiLocale: Locale,
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** The form's schema: a password is required when none is saved yet. */
export function settingsFormSchema(hasSavedPassword: boolean) {
  return SettingsUpdate.refine((s) => hasSavedPassword || s.password !== '', {
    path: ['password'],
    message: 'settings.issue.passwordRequired' satisfies SettingsIssue,
  });
}

/** What the settings screen shows: never the password, only whether one is saved and where it is kept. */
export const SettingsView = z.object({
  pbx: PbxSettings.nullable(),
  hasPassword: z.boolean(),
  /** keychain: Electron safeStorage; session: the web shell's memory, gone when it stops. */
  passwordKept: z.enum(['keychain', 'session']),
  uiLocale: Locale,
  /** The demo runs its own lab PBX: its settings are not the agent's to change. */
  editable: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;
