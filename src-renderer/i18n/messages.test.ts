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
