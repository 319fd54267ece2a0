import { describe, expect, it } from 'vitest';
import { SETTINGS_ISSUES } from '../../../src-shared/domain/phone-settings';
import { messages } from '../../i18n/messages';
import { issueKey } from './issue-text';

describe('settings issues in the agent language', () => {
  it('every issue the shared schema can raise has words in all four locales', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW', 'th'] as const) {
      for (const issue of SETTINGS_ISSUES) expect(messages[locale][issue], `${locale} ${issue}`).toBeTruthy();
    }
    expect(messages.th['settings.issue.wssRequired']).not.toBe(messages.en['settings.issue.wssRequired']);
  });

  it('anything that is not one of its keys reads as "check this field", never as raw English', () => {
    expect(issueKey('settings.issue.wssRequired')).toBe('settings.issue.wssRequired');
    expect(issueKey('Invalid input: expected string, received undefined')).toBe('settings.issue.invalid');
    expect(issueKey(undefined)).toBe('settings.issue.invalid');
  });
});
