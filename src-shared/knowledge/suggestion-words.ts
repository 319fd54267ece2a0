/**
 * The words a call's routing says about its reason: the queue name and the IVR menu path
 * ("main>orders>complaint"). Menu plumbing words say nothing about the reason and are left out.
 */
const routingNoise = new Set(['main', 'menu', 'root', 'ivr', 'start', 'default', 'general', 'other', 'queue', 'option']);

export function suggestionWords(queue: string | null, ivrPath: string | null): string[] {
  const words = new Set<string>();
  for (const part of [queue ?? '', ivrPath ?? '']) {
    for (const word of part.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length > 1 && !routingNoise.has(word)) words.add(word);
    }
  }
  return [...words];
}

/** Category slugs a routing word may name: "complaints" and "complaint" both name the complaints category. */
export function categoryCandidates(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    out.add(w.endsWith('s') ? w.slice(0, -1) : `${w}s`);
  }
  return [...out];
}
