import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';
import { templatesFor } from './templates-for';

describe('templatesFor on a real SQLite file', () => {
  it('lists the shipped templates of a language, with a team template replacing the shipped one of its id', () => {
    const c = new Cache(join(mkdtempSync(join(tmpdir(), 'templates-')), 'cache.sqlite'));
    const shipped = templatesFor(c.templates, 'en');
    expect(shipped.map((t) => t.shortcut)).toContain('/late');
    expect(shipped.every((t) => t.locale === 'en')).toBe(true);
    c.templates.upsert({ id: 'late-delivery', scenario: 'late-delivery', locale: 'en', title: 'Late (team)', shortcut: '/late', body: 'Sorry {{customer.name}}, I am on it.', tags: [] });
    const merged = templatesFor(c.templates, 'en');
    expect(merged).toHaveLength(shipped.length);
    expect(merged.find((t) => t.id === 'late-delivery')!.title).toBe('Late (team)');
    c.close();
  });
});
