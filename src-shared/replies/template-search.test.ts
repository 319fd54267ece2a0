import { describe, expect, it } from 'vitest';
import { shippedTemplates } from './shipped-data';
import { searchTemplates } from './template-search';

const templates = shippedTemplates();
const ids = (found: { id: string; locale: string }[]) => found.map((t) => `${t.id}/${t.locale}`);

describe('searchTemplates', () => {
  it('finds a template by its shortcut first, with or without the slash', () => {
    expect(ids(searchTemplates(templates, { text: '/damaged', locale: 'en' }))[0]).toBe('damaged-package/en');
    expect(ids(searchTemplates(templates, { text: 'damaged', locale: 'th' }))[0]).toBe('damaged-package/th');
    expect(ids(searchTemplates(templates, { text: '/close', locale: 'en' }))).toEqual(
      expect.arrayContaining(['closing-refund/en', 'closing-replacement/en', 'closing-follow-up/en']),
    );
  });

  it('finds Chinese and Thai titles and bodies without spaces', () => {
    expect(ids(searchTemplates(templates, { text: '破损' }))).toEqual(['damaged-package/zh-CN']);
    expect(ids(searchTemplates(templates, { text: '退款', locale: 'zh-TW' }))[0]).toBe('refund-status/zh-TW');
    expect(ids(searchTemplates(templates, { text: 'ตัดเงินซ้ำ' }))).toEqual(['double-charge/th']);
    expect(ids(searchTemplates(templates, { text: 'ถือสาย', locale: 'th' }))).toContain('hold-request/th');
  });

  it('matches body words when the title does not, title matches ranked higher', () => {
    const found = ids(searchTemplates(templates, { text: 'courier', locale: 'en' }));
    expect(found.length).toBeGreaterThan(2);
    expect(searchTemplates(templates, { text: 'refund', locale: 'en' })[0]?.title).toMatch(/refund/i);
  });

  it('needs every word to match, in any field', () => {
    expect(ids(searchTemplates(templates, { text: 'late regional', locale: 'en' }))).toEqual(['late-delivery/en']);
    expect(searchTemplates(templates, { text: 'late nonsense-word', locale: 'en' })).toEqual([]);
  });

  it('folds case and full-width letters', () => {
    expect(ids(searchTemplates(templates, { text: 'ＤＡＭＡＧＥＤ', locale: 'en' }))[0]).toBe('damaged-package/en');
  });

  it('filters by locale and scenario, and lists everything for an empty query', () => {
    expect(searchTemplates(templates)).toHaveLength(templates.length);
    const closings = searchTemplates(templates, { scenario: 'closing', locale: 'zh-CN' });
    expect(closings).toHaveLength(3);
    expect(closings.every((t) => t.scenario === 'closing' && t.locale === 'zh-CN')).toBe(true);
    expect(searchTemplates(templates, { locale: 'th', limit: 2 })).toHaveLength(2);
  });

  it('finds by tag and id', () => {
    expect(ids(searchTemplates(templates, { text: 'next-issue', locale: 'en' }))).toHaveLength(3);
    expect(ids(searchTemplates(templates, { text: 'double-charge', locale: 'en' }))).toEqual(['double-charge/en']);
  });
});
