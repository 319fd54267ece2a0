import tsCharacters from 'opencc-js/dict/TSCharacters';

/** "a b|c d" dictionaries of OpenCC: first character of each pair maps to the first of its targets. */
function charMap(...dicts: string[]): Map<string, string> {
  const map = new Map<string, string>();
  // Only traditional -> simplified: OpenCC's variant tables would also turn 吃 into 喫 and 才 into 纔.
  for (const dict of dicts) {
    for (const pair of dict.split('|')) {
      const [from, to] = pair.split(' ');
      // Only one-to-one single characters of equal UTF-16 length: folding must keep every offset in place.
      if (from && to && [...from].length === 1 && [...to].length === 1 && from.length === to.length && !map.has(from)) map.set(from, to);
    }
  }
  return map;
}

let traditionalToSimplified: Map<string, string> | null = null;

/**
 * Text as search compares it: lower case, full-width folded, traditional Chinese characters as simplified, so
 * 客訴 and 客诉, 點數 and 点数 meet. The result has exactly the length of the input, so an offset found in the
 * folded text is the same offset in the original.
 */
export function foldForSearch(text: string): string {
  traditionalToSimplified ??= charMap(tsCharacters);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most characters need little: ASCII only lowers, Thai stays as it is.
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : text[i];
      continue;
    }
    if (code >= 0x0e00 && code <= 0x0e7f) {
      out += text[i];
      continue;
    }
    // CJK has no case: only traditional to simplified.
    if ((code >= 0x3000 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
      out += traditionalToSimplified.get(text[i]!) ?? text[i];
      continue;
    }
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const ch = pair ? text.slice(i, i + 2) : text[i]!;
    if (pair) i++;
    let c = traditionalToSimplified.get(ch) ?? ch;
    const point = c.codePointAt(0)!;
    // Full-width ASCII (Ａ１＃) to ASCII, as CJK keyboards often type it.
    if (point >= 0xff01 && point <= 0xff5e) c = String.fromCodePoint(point - 0xfee0);
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}
