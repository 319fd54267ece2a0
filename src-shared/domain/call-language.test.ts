import { describe, expect, it } from 'vitest';
import { callLanguage } from './call-language';

describe('callLanguage', () => {
  it('prefers the IVR language header, then the customer, then the agent', () => {
    expect(callLanguage('th', 'zh-CN', 'en')).toBe('th');
    expect(callLanguage('fr-FR', 'zh-TW', 'en')).toBe('zh-TW');
    expect(callLanguage(null, null, 'zh-CN')).toBe('zh-CN');
  });
});
