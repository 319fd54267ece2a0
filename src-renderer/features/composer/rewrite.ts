import type { CoachFinding } from '../../../src-shared/replies';

const ELLIPSIS = /(?:…|\.\.\.)+/gu;
const SENTENCE_END = /[.!?。！？\n]/u;

/** The first phrase the suggestion quotes ("Let's …", “我们一起来……”), or null. */
export function quotedPhrase(suggestion: string): string | null {
  const m = /["“]([^"”]+)["”]/u.exec(suggestion);
  return m ? m[1]!.trim() : null;
}

function opensSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?。！？\n"“]$/u.test(before);
}

/** Latin phrases are written sentence-case; mid-sentence their first letter goes down ("then let's …"). */
function fitCase(phrase: string, atSentenceStart: boolean): string {
  if (atSentenceStart || phrase.startsWith('I ') || phrase.startsWith("I'")) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  while (s < start && /\s/u.test(text[s]!)) s++;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]!)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return { start: s, end: e };
}

/**
 * The draft with one finding rewritten, in one click. The rule's own replacement when it has one; else the
 * suggestion's quoted phrase: a stem ("Let's …") takes the place of the flagged words and keeps the rest of the
 * sentence, a whole sentence takes the place of the sentence. Null when the rule offers nothing to put there.
 */
export function rewriteDraft(draft: string, finding: Pick<CoachFinding, 'start' | 'end' | 'replacement' | 'suggestion'>): string | null {
  if (finding.replacement !== undefined) return draft.slice(0, finding.start) + finding.replacement + draft.slice(finding.end);
  const phrase = quotedPhrase(finding.suggestion);
  if (!phrase) return null;
  const parts = phrase.split(ELLIPSIS);
  const isStem = parts.length === 2 && parts[1]!.trim() === '' && parts[0]!.trim() !== '';
  if (isStem) {
    const stem = fitCase(parts[0]!.trim(), opensSentence(draft, finding.start));
    return draft.slice(0, finding.start) + stem + draft.slice(finding.end);
  }
  const sentence = sentenceAround(draft, finding.start, finding.end);
  return draft.slice(0, sentence.start) + phrase + draft.slice(sentence.end);
}
