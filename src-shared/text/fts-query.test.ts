import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold';
import { allOf, buildFtsQuery } from './fts-query';
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

describe('buildFtsQuery', () => {
  it.each(['"', 'a-b', 'col:val', 'AND', '(', 'C++', '*', 'NEAR(a b)', "'; DROP TABLE kb_articles; --", 'OR NOT'])(
    'keeps %j as quoted words only',
    (input) => {
      const q = buildFtsQuery(input, 'en');
      if (q === null) return;
      for (const term of q.terms) expect(term.expr).toMatch(/^"[^"]*(?:""[^"]*)*"\*?$/);
    },
  );
  it('returns null for empty, whitespace-only and punctuation-only input', () => {
    expect(buildFtsQuery('', 'en')).toBeNull();
    expect(buildFtsQuery('   \t\n', 'en')).toBeNull();
    expect(buildFtsQuery('"()*', 'en')).toBeNull();
  });
  it('makes the half-typed last word a prefix, not a finished one', () => {
    expect(allOf(buildFtsQuery('refund sta', 'en')!.terms)).toBe('"refund" AND "sta"*');
    expect(allOf(buildFtsQuery('refund status ', 'en')!.terms)).toBe('"refund" AND "status"');
  });
  it('completes a single typed letter only in Chinese', () => {
    expect(allOf(buildFtsQuery('refund t', 'en')!.terms)).toBe('"refund" AND "t"');
    expect(allOf(buildFtsQuery('退', 'zh-CN')!.terms)).toBe('"退"*');
  });
  it('keeps characters the segmenter split apart as one phrase, and known words as separate terms', () => {
    expect(allOf(buildFtsQuery('客诉 ', 'zh-CN')!.terms)).toBe('"客 诉"');
    expect(allOf(buildFtsQuery('退款进度 ', 'zh-CN')!.terms)).toBe('"退款" AND "进度"');
  });
});
