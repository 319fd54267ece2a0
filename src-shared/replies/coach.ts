import type { Locale } from '../domain/screen-pop';
import type { CoachCategory } from './coach-category';
import type { CoachRule, CoachRuleSet } from './coach-rule';
import { replyMessages } from './messages';
import { compilePhrase, findPhrase, type CompiledPhrase } from './phrase-matcher';
import { shippedRuleSet } from './shipped-data';

/** A negative or blaming phrasing in a draft. start/end are UTF-16 offsets into the draft as given. */
export interface CoachFinding {
  start: number;
  end: number;
  rule: string;
  category: CoachCategory;
  /** Why it hurts, in the agent's UI language. */
  message: string;
  /** A better way to say it, in the language of the reply. */
  suggestion: string;
  /** Present when the flagged words can be swapped for this as they stand (capitalised at a sentence start). */
  replacement?: string;
}

export interface CompiledRuleSet {
  locale: Locale;
  rules: { rule: CoachRule; phrase: CompiledPhrase }[];
}

export function compileRuleSet(set: CoachRuleSet): CompiledRuleSet {
  return { locale: set.locale, rules: set.rules.map((rule) => ({ rule, phrase: compilePhrase(rule) })) };
}

/** True when the passage starting at `index` opens a sentence (so a replacement there needs a capital). */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?。！？\n"“]$/u.test(before);
}

/** Replacements are written lower case (except "I"); at the start of a sentence the first letter is raised. */
function fitReplacement(text: string, start: number, replacement: string): string {
  return opensSentence(text, start) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

const compiledShipped = new Map<Locale, CompiledRuleSet>();

/** The shipped rules for a locale, compiled once: the renderer calls the coach on every keystroke. */
export function shippedCoachRules(locale: Locale): CompiledRuleSet {
  let compiled = compiledShipped.get(locale);
  if (!compiled) compiledShipped.set(locale, (compiled = compileRuleSet(shippedRuleSet(locale))));
  return compiled;
}

export interface CoachOptions {
  /** The agent's UI language for the reasons (default: the draft's locale). */
  uiLocale?: Locale;
  /** Rules to use instead of the shipped ones (e.g. shipped plus a team's own, compiled once by the caller). */
  rules?: CompiledRuleSet;
}

/** Positive-language coaching for a draft reply in `locale`: every finding, earliest first. */
export function coachReply(text: string, locale: Locale, options: CoachOptions = {}): CoachFinding[] {
  const uiLocale = options.uiLocale ?? locale;
  const reasons = replyMessages[uiLocale].coach;
  const findings: CoachFinding[] = [];
  for (const { rule, phrase } of (options.rules ?? shippedCoachRules(locale)).rules) {
    for (const { start, end } of findPhrase(text, phrase)) {
      const finding: CoachFinding = {
        start,
        end,
        rule: rule.id,
        category: rule.category,
        message: rule.message?.[uiLocale] ?? reasons[rule.category],
        suggestion: rule.suggestion,
      };
      if (rule.replacement !== undefined) finding.replacement = fitReplacement(text, start, rule.replacement);
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
