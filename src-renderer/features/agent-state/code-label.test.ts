import { describe, expect, it } from 'vitest';
import { messages, type MessageKey } from '../../i18n/messages';
import { codeLabel, withCurrent } from './code-label';

const zh = (key: MessageKey) => messages['zh-CN'][key];

describe('the words for a reason or disposition code', () => {
  it('the team\'s words in the agent\'s language first, then the app\'s own, then the team\'s English, then the code', () => {
    expect(codeLabel('system-down', 'agent.reason', 'zh-CN', { en: 'System down', 'zh-CN': '系统故障' }, zh)).toBe('系统故障');
    expect(codeLabel('meal', 'agent.reason', 'zh-CN', undefined, zh)).toBe(messages['zh-CN']['agent.reason.meal']);
    expect(codeLabel('system-down', 'agent.reason', 'th', { en: 'System down' }, zh)).toBe('System down');
    expect(codeLabel('refund-issued', 'disposition', 'th', undefined, zh)).toBe('refund-issued');
  });

  it('a code the team took off the list is still shown while it is the one in use, and only then', () => {
    expect(withCurrent(['meal'], 'system-down')).toEqual(['meal', 'system-down']);
    expect(withCurrent(['meal'], 'meal')).toEqual(['meal']);
    expect(withCurrent(['meal'], 'ready')).toEqual(['meal']);
    expect(withCurrent(['meal'], null)).toEqual(['meal']);
  });
});
