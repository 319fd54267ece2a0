import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../../src-shared/replies';
import { shortcutBefore } from './shortcut';

const en = shippedTemplates().filter((t) => t.locale === 'en');

describe('shortcutBefore', () => {
  it('finds a template shortcut typed just before the caret', () => {
    const draft = 'Hello. /late';
    expect(shortcutBefore(draft, draft.length, en)).toMatchObject({ start: 7, template: { id: 'late-delivery' } });
    expect(shortcutBefore('/LATE', 5, en)?.template.id).toBe('late-delivery');
  });
  it('ignores a slash inside a word, an unknown shortcut, or a caret elsewhere', () => {
    expect(shortcutBefore('and/late', 8, en)).toBeNull();
    expect(shortcutBefore('/nothing', 8, en)).toBeNull();
    expect(shortcutBefore('/late now', 9, en)).toBeNull();
  });
});
