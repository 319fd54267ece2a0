import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold';
import { parseSearchQuery, searchTerms } from './search-query';
import { tokenize } from './segment';

describe('foldForSearch', () => {
  it('meets simplified and traditional Chinese, keeping every offset', () => {
    expect(foldForSearch('客訴')).toBe(foldForSearch('客诉'));
    expect(foldForSearch('點數')).toBe('点数');
    expect(foldForSearch('發票與退款')).toBe('发票与退款');
    const text = '我們的客訴處理流程 Refund ＡＢＣ';
    expect(foldForSearch(text)).toHaveLength(text.length);
    expect(foldForSearch('ＡＢＣ')).toBe('abc');
    // Simplified text stays as it is.
    expect(foldForSearch('什么时候吃饭才到')).toBe('什么时候吃饭才到');
    expect(foldForSearch('為什麼啟用')).toBe('为什么启用');
  });
});

describe('tokenize', () => {
  it('finds Chinese words without spaces', () => {
    expect(tokenize('如何申请退款', 'zh-CN').map((t) => t.text)).toContain('退款');
  });
  it('finds Thai words without spaces', () => {
    const words = tokenize('ลูกค้าต้องการคืนเงิน', 'th').map((t) => t.text);
    expect(words).toContain('คืน');
    expect(words).toContain('เงิน');
  });
  it('gives offsets into the original text', () => {
    const text = '客訴 refund';
    for (const t of tokenize(text)) expect(foldForSearch(text.slice(t.start, t.end))).toBe(t.text);
  });
});

describe('parseSearchQuery', () => {
  const terms = (input: string, locale: 'en' | 'zh-CN' = 'en') =>
    parseSearchQuery(input, locale)!.terms.map((t) => t.text + (t.prefix ? '*' : ''));
  it.each(['"', 'a-b', 'col:val', 'AND', '(', 'C++', '*', 'NEAR(a b)', "'; DROP TABLE kb_articles; --", 'OR NOT'])(
    'keeps %j as plain words only',
    (input) => {
      const q = parseSearchQuery(input, 'en');
      if (q === null) return;
      for (const term of q.terms) expect(term.text).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
    },
  );
  it('reads syntax-looking input as the words in it', () => {
    expect(terms('col:val')).toEqual(['col', 'val*']);
    expect(terms("'; DROP TABLE kb_articles; --")).toEqual(['drop', 'table', 'kb', 'articles']);
  });
  it('returns null for empty, whitespace-only and punctuation-only input', () => {
    expect(parseSearchQuery('', 'en')).toBeNull();
    expect(parseSearchQuery('   \t\n', 'en')).toBeNull();
    expect(parseSearchQuery('"()*', 'en')).toBeNull();
  });
  it('makes the half-typed last word a prefix, not a finished one', () => {
    expect(terms('refund sta')).toEqual(['refund', 'sta*']);
    expect(terms('refund status ')).toEqual(['refund', 'status']);
  });
  it('completes a single typed letter only in Chinese', () => {
    expect(terms('refund t')).toEqual(['refund', 't']);
    expect(terms('退', 'zh-CN')).toEqual(['退*']);
  });
  it('searches characters the segmenter split apart by their pairs, and known words as separate terms', () => {
    expect(terms('客诉 ', 'zh-CN')).toEqual(['客诉']);
    expect(terms('退款进度 ', 'zh-CN')).toEqual(['退款', '进度']);
  });
});

describe('searchTerms', () => {
  it('adds the pairs of neighbouring single Chinese characters to the words', () => {
    expect(searchTerms(['接到', '客', '诉', '时'])).toEqual(['接到', '客', '诉', '时', '客诉', '诉时']);
    expect(searchTerms(['refund', 'a', 'b'])).toEqual(['refund', 'a', 'b']);
  });
});
