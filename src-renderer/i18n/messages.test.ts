import { describe, expect, it } from 'vitest';
import { messages, translate } from './messages';

describe('messages', () => {
  it('has every key in every locale, none left empty or in English by mistake', () => {
    const keys = Object.keys(messages.en).sort();
    for (const [locale, table] of Object.entries(messages)) {
      expect(Object.keys(table).sort(), locale).toEqual(keys);
      for (const [key, text] of Object.entries(table)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
    expect(messages.th['action.answer']).not.toBe(messages.en['action.answer']);
    expect(messages['zh-TW']['action.hangUp']).not.toBe(messages['zh-CN']['action.hangUp']);
  });

  it('fills placeholders as text', () => {
    expect(translate('zh-CN', 'connection.registered', { extension: '<1001>' })).toBe('已注册为 <1001>');
  });
});

describe('translate', () => {
  it('switches language per call, keeps dotted keys flat and leaves markup in values as text', () => {
    expect(translate('th', 'action.answer')).toBe(messages.th['action.answer']);
    expect(translate('zh-TW', 'call.transferProgress.succeeded', { target: '2002' })).toBe('已轉接到 2002');
    expect(translate('en', 'pop.recoveryWarning', { id: '<b>WO-1</b>', reason: 'reopened' })).toContain('complaint <b>WO-1</b> was reopened');
  });
});
