import { describe, expect, it } from 'vitest';
import { shippedTemplates } from './shipped-data';
import { parseTemplatesJsonl } from './template-import';

const good = (id: string, locale = 'en') =>
  JSON.stringify({ id, scenario: 'closing', locale, title: `Title ${id}`, shortcut: `/${id}`, body: 'Thank you, {{customer.name}}.' });

describe('parseTemplatesJsonl', () => {
  it('reads one template per line', () => {
    const result = parseTemplatesJsonl([good('a'), good('b', 'th')].join('\n'));
    expect(result.rejected).toEqual([]);
    expect(result.templates.map((t) => `${t.id}/${t.locale}`)).toEqual(['a/en', 'b/th']);
    expect(result.templates[0]?.tags).toEqual([]);
  });

  it('reports bad lines by number and keeps every good line', () => {
    const text = [
      good('a'),
      '{not json',
      JSON.stringify({ id: 'b', locale: 'en' }),
      good('c', 'xx'),
      JSON.stringify({ ...JSON.parse(good('d')), body: 'Order {{order.id} is late' }),
      JSON.stringify({ ...JSON.parse(good('e')), latte: { thank: 'Not in the body' } }),
      JSON.stringify({ ...JSON.parse(good('f')), extra: 1 }),
      '[]',
      good('a'),
      good('g'),
    ].join('\n');
    const result = parseTemplatesJsonl(text);
    expect(result.templates.map((t) => t.id)).toEqual(['a', 'g']);
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.rejected[0]?.reason).toMatch(/^not valid JSON/u);
    expect(result.rejected[1]?.reason).toMatch(/title/u);
    expect(result.rejected[2]?.reason).toMatch(/^locale/u);
    expect(result.rejected[3]?.reason).toMatch(/placeholder/u);
    expect(result.rejected[4]?.reason).toMatch(/^latte\.thank/u);
    expect(result.rejected[6]?.reason).not.toBe('');
    expect(result.rejected[7]?.reason).toMatch(/already on line 1/u);
  });

  it('tolerates a byte-order mark, CRLF line ends and blank lines', () => {
    const result = parseTemplatesJsonl(`\uFEFF${good('a')}\r\n\r\n   \r\n${good('b')}\r\n`);
    expect(result).toMatchObject({ rejected: [], templates: [{ id: 'a' }, { id: 'b' }] });
  });

  it('counts lines from 1 including blank ones', () => {
    expect(parseTemplatesJsonl(`\n\n${'x'}`).rejected).toEqual([{ line: 3, reason: expect.stringMatching(/^not valid JSON/u) }]);
  });

  it('round-trips the shipped templates', () => {
    const text = shippedTemplates().map((t) => JSON.stringify(t)).join('\n');
    const result = parseTemplatesJsonl(text);
    expect(result.rejected).toEqual([]);
    expect(result.templates).toEqual(shippedTemplates());
  });

  it('returns nothing for an empty file', () => expect(parseTemplatesJsonl('')).toEqual({ templates: [], rejected: [] }));
});
