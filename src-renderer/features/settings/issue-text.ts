import { SETTINGS_ISSUES, type SettingsIssue } from '../../../src-shared/domain/phone-settings';

/**
 * A validation issue's message as a message key. The shared schema's messages are keys already; anything else
 * (zod's own wording, a future field) becomes a general "check this field", never English in a Thai form.
 */
export function issueKey(message: string | undefined): SettingsIssue | 'settings.issue.invalid' {
  return (SETTINGS_ISSUES as readonly string[]).includes(message ?? '') ? (message as SettingsIssue) : 'settings.issue.invalid';
}
