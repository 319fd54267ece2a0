import type { Locale } from '../../../../src-shared/domain/screen-pop';
import { lintReply } from '../../../../src-shared/replies';
import { readMarkedExample } from '../../../../src-shared/replies/coach-rule';
import { shippedRuleSet, shippedTemplates } from '../../../../src-shared/replies/shipped-data';
import type { CommandContext } from '../command';
import { percentile, round, timeMs } from './stats';

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'th', 'en'];
const DRAFT_CHARS = 500;
const VARIANTS = 8;
const RUNS = { small: 2_000, full: 20_000 };
const WARM_UP = 200;
/** The goal: the check runs on every keystroke, so its p95 must sit well inside one 16 ms frame. */
const GOAL_P95_MS = 2;

/**
 * 500-character drafts as an agent writes them: passages of the shipped replies mixed with the phrasings the
 * coach must catch, so every run exercises both the LATTE cues and the rules with their exceptions.
 */
function drafts(locale: Locale): string[] {
  const replies = shippedTemplates()
    .filter((t) => t.locale === locale)
    .map((t) => t.body);
  const negatives = shippedRuleSet(locale).rules.flatMap((r) => r.examples.flag.map((e) => readMarkedExample(e).text));
  const pieces = replies.flatMap((reply, i) => [reply, negatives[i % negatives.length]!, negatives[(i * 7 + 3) % negatives.length]!]);
  const joiner = locale.startsWith('zh') ? '' : ' ';
  return Array.from({ length: VARIANTS }, (_, v) => {
    let text = '';
    for (let i = v; text.length < DRAFT_CHARS; i++) text += (text ? joiner : '') + pieces[(i * 5) % pieces.length];
    return text.slice(0, DRAFT_CHARS);
  });
}

function benchLocale(locale: Locale, runs: number) {
  const texts = drafts(locale);
  // The first call parses the locale's data and compiles its expressions: what the agent waits for once.
  const firstCallMs = timeMs(() => lintReply(texts[0]!, locale));
  for (let i = 0; i < WARM_UP; i++) lintReply(texts[i % texts.length]!, locale);
  const samples: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const text = texts[i % texts.length]!;
    samples.push(timeMs(() => (findings += lintReply(text, locale).findings.length)));
  }
  return {
    runs,
    chars: texts[0]!.length,
    findingsPerDraft: round(findings / runs, 1),
    firstCallMs: round(firstCallMs),
    p50Ms: round(percentile(samples, 50), 4),
    p95Ms: round(percentile(samples, 95), 4),
    p99Ms: round(percentile(samples, 99), 4),
    maxMs: round(Math.max(...samples), 4),
  };
}

/** LATTE check plus positive-language coach on 500-character drafts in each locale: per-keystroke latency. */
export function benchLint(_ctx: CommandContext, scale: 'small' | 'full') {
  const runs = RUNS[scale];
  const locales = Object.fromEntries(LOCALES.map((locale) => [locale, benchLocale(locale, runs)])) as Record<Locale, ReturnType<typeof benchLocale>>;
  const worstP95Ms = Math.max(...Object.values(locales).map((l) => l.p95Ms));
  return {
    benchmark: 'lint',
    what: 'lintReply (LATTE check + positive-language coach) on one 500-character draft',
    scale,
    goal: { p95Ms: GOAL_P95_MS },
    worstP95Ms,
    met: worstP95Ms <= GOAL_P95_MS,
    locales,
  };
}
