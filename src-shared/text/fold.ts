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
  for (const ch of text) {
    let c = traditionalToSimplified.get(ch) ?? ch;
    const code = c.codePointAt(0)!;
    // Full-width ASCII (Ａ１＃) to ASCII, as CJK keyboards often type it.
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCodePoint(code - 0xfee0);
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}
