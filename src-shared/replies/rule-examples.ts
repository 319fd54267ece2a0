import { readMarkedExample, type CoachRule } from './coach-rule';
import { compilePhrase, findPhrase } from './phrase-matcher';

/**
 * Runs a rule against its own examples, as the shipped rules' tests do: every `flag` sentence must be flagged
 * exactly where it is marked, no `pass` sentence at all. Returns what failed, or null. A rule published to the team
 * is held to the same standard, so a pattern that misfires never reaches an agent's draft.
 */
export function ruleExampleFailure(rule: CoachRule): string | null {
  const phrase = compilePhrase(rule);
  for (const example of rule.examples.flag) {
    const { text, spans } = readMarkedExample(example);
    const hits = findPhrase(text, phrase);
    const same = hits.length === spans.length && hits.every((h, i) => h.start === spans[i]!.start && h.end === spans[i]!.end);
    if (!same) return `examples.flag: "${example.slice(0, 80)}" is not flagged where it is marked`;
  }
  for (const text of rule.examples.pass) {
    if (findPhrase(text, phrase).length) return `examples.pass: "${text.slice(0, 80)}" is flagged`;
  }
  return null;
}
