import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { Node, Quantifier } from '@eslint-community/regexpp/ast';

/** Longer than any shipped pattern (the longest is about 500 characters) with room to spare. */
export const MAX_PATTERN_LENGTH = 1000;

const unbounded = (q: Quantifier) => q.max === Infinity;

function containsUnbounded(node: Node): boolean {
  let found = false;
  const stack: Node[] = [node];
  while (stack.length && !found) {
    const n = stack.pop()!;
    if (n.type === 'Quantifier' && unbounded(n) && n !== node) found = true;
    else if ('elements' in n && Array.isArray(n.elements)) stack.push(...(n.elements as Node[]));
    else if ('alternatives' in n && Array.isArray(n.alternatives)) stack.push(...(n.alternatives as Node[]));
    else if (n.type === 'Quantifier') stack.push(n.element);
  }
  return found;
}

/**
 * The part of a pattern that can make matching take exponential time, or null. Coach rules are matched on every
 * keystroke of the agent's draft, and one published rule reaches every desktop: a repetition inside a repetition
 * ("(a+)+", "(\w+\s?)*") makes the engine try every way of splitting a long text that almost matches, which
 * freezes the desktop. Bounded repeats ("?", "{0,15}") cannot, and are allowed anywhere. Overlapping choices under
 * one repetition ("(a|a)*") are not caught; a length cap bounds what any pattern can cost.
 */
export function catastrophicPart(source: string, unicode: boolean): string | null {
  let culprit: string | null = null;
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode });
  } catch {
    return null; // not a valid pattern: said by the check that compiles it
  }
  visitRegExpAST(ast, {
    onQuantifierEnter(q) {
      if (culprit === null && unbounded(q) && containsUnbounded(q)) culprit = q.raw;
    },
  });
  return culprit;
}
