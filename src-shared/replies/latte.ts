import type { Locale } from '../domain/screen-pop';
import type { LatteCueSet } from './latte-cues';
import { latteSteps, type LatteStep } from './latte-step';
import { replyMessages } from './messages';
import { compilePhrase, findPhrase, type CompiledPhrase } from './phrase-matcher';
import { shippedLatteCues } from './shipped-data';

export type LatteStepResult =
  /** evidence: the first passage that shows the step; start/end are UTF-16 offsets into the draft. */
  | { covered: true; evidence: { start: number; end: number; text: string } }
  /** hint in the agent's UI language; example in the reply's language. */
  | { covered: false; hint: string; example: string };

export interface LatteReport {
  steps: Record<LatteStep, LatteStepResult>;
  /** The steps the draft does not cover yet, in LATTE order. */
  missing: LatteStep[];
}

const compiledCues = new Map<Locale, { set: LatteCueSet; phrases: Record<LatteStep, CompiledPhrase> }>();

function cuesFor(locale: Locale) {
  let cues = compiledCues.get(locale);
  if (!cues) {
    const set = shippedLatteCues(locale);
    const phrases = Object.fromEntries(latteSteps.map((step) => [step, compilePhrase(set.steps[step])])) as Record<LatteStep, CompiledPhrase>;
    compiledCues.set(locale, (cues = { set, phrases }));
  }
  return cues;
}

/**
 * Does a draft in `locale` cover Listen, Acknowledge, Take action, Thank and Explain? A cue-word check, as a
 * trainer skims a reply: it shows where each step is, and what to add when one is missing.
 */
export function checkLatte(text: string, locale: Locale, options: { uiLocale?: Locale } = {}): LatteReport {
  const hints = replyMessages[options.uiLocale ?? locale].latte;
  const { set, phrases } = cuesFor(locale);
  const steps = {} as Record<LatteStep, LatteStepResult>;
  const missing: LatteStep[] = [];
  for (const step of latteSteps) {
    const [first] = findPhrase(text, phrases[step]);
    if (first) {
      steps[step] = { covered: true, evidence: { ...first, text: text.slice(first.start, first.end) } };
    } else {
      steps[step] = { covered: false, hint: hints[step].hint, example: set.steps[step].example };
      missing.push(step);
    }
  }
  return { steps, missing };
}

/** Step -> covered, the shape the CLI prints and the workspace's five lights need. */
export function latteCoverage(report: LatteReport): Record<LatteStep, boolean> {
  return Object.fromEntries(latteSteps.map((step) => [step, report.steps[step].covered])) as Record<LatteStep, boolean>;
}
