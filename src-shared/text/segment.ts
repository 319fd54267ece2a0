import type { Locale } from '../domain/screen-pop';
import { foldForSearch } from './fold';

export interface Token {
  /** Folded form, as indexed and matched. */
  text: string;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, s);
  }
  return s;
}

/** Which segmenter suits a text: Thai and Chinese have no spaces between words and need their dictionaries. */
export function segmentationLanguage(text: string, locale?: Locale | null): string {
  if (/[\u0e00-\u0e7f]/.test(text)) return 'th';
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh';
  if (locale === 'th') return 'th';
  if (locale === 'zh-CN' || locale === 'zh-TW') return 'zh';
  return 'en';
}

/**
 * Words of a text, with Intl.Segmenter (ICU's dictionaries for Chinese and Thai), folded for search.
 * Punctuation and spaces are dropped; anything else the user typed is only ever a word, never syntax.
 */
export function tokenize(text: string, locale?: Locale | null): Token[] {
  const folded = foldForSearch(text.normalize('NFC'));
  const tokens: Token[] = [];
  for (const part of segmenter(segmentationLanguage(folded, locale)).segment(folded)) {
    if (!part.isWordLike) continue;
    // FTS5's unicode61 would split on these anyway; keep tokens exactly as it will see them.
    for (const m of part.segment.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      tokens.push({ text: m[0], start: part.index + m.index!, end: part.index + m.index! + m[0].length });
    }
  }
  return tokens;
}

/** The text as stored in the full-text index: its words separated by spaces. */
export function indexText(text: string, locale?: Locale | null): string {
  return tokenize(text, locale)
    .map((t) => t.text)
    .join(' ');
}
