/**
 * The reply data shipped in resources/replies, bundled at build time by static JSON imports (src-shared cannot
 * read files; Vite and vitest both bundle JSON) and checked against the zod schemas on first use, so a bad edit
 * to a data file fails the tests rather than misleading an agent.
 */
import { z } from 'zod';
import type { Locale } from '../domain/screen-pop';
import enLatte from '../../resources/replies/latte/en.json';
import thLatte from '../../resources/replies/latte/th.json';
import zhCNLatte from '../../resources/replies/latte/zh-CN.json';
import zhTWLatte from '../../resources/replies/latte/zh-TW.json';
import enRecovery from '../../resources/replies/recovery/en.json';
import thRecovery from '../../resources/replies/recovery/th.json';
import zhCNRecovery from '../../resources/replies/recovery/zh-CN.json';
import zhTWRecovery from '../../resources/replies/recovery/zh-TW.json';
import enRules from '../../resources/replies/rules/en.json';
import thRules from '../../resources/replies/rules/th.json';
import zhCNRules from '../../resources/replies/rules/zh-CN.json';
import zhTWRules from '../../resources/replies/rules/zh-TW.json';
import enTemplates from '../../resources/replies/templates/en.json';
import thTemplates from '../../resources/replies/templates/th.json';
import zhCNTemplates from '../../resources/replies/templates/zh-CN.json';
import zhTWTemplates from '../../resources/replies/templates/zh-TW.json';
import { CoachRuleSet } from './coach-rule';
import { LatteCueSet } from './latte-cues';
import { RecoveryPhraseSet } from './recovery-phrases';
import { ReplyTemplate } from './template';

type PerLocale<T> = Record<Locale, T>;

/** Parses one locale's file the first time it is asked for, and checks it is filed under the right locale. */
function perLocale<S extends z.ZodType<{ locale: Locale }>>(schema: S, raw: PerLocale<unknown>, what: string) {
  const cache = new Map<Locale, z.infer<S>>();
  return (locale: Locale): z.infer<S> => {
    let parsed = cache.get(locale);
    if (!parsed) {
      parsed = schema.parse(raw[locale]);
      if (parsed.locale !== locale) throw new Error(`${what}/${locale}.json says it is for ${parsed.locale}`);
      cache.set(locale, parsed);
    }
    return parsed;
  };
}

export const shippedRuleSet = perLocale(CoachRuleSet, { en: enRules, 'zh-CN': zhCNRules, 'zh-TW': zhTWRules, th: thRules }, 'rules');
export const shippedLatteCues = perLocale(LatteCueSet, { en: enLatte, 'zh-CN': zhCNLatte, 'zh-TW': zhTWLatte, th: thLatte }, 'latte');
export const shippedRecoveryPhrases = perLocale(
  RecoveryPhraseSet,
  { en: enRecovery, 'zh-CN': zhCNRecovery, 'zh-TW': zhTWRecovery, th: thRecovery },
  'recovery',
);

let templates: readonly ReplyTemplate[] | null = null;

/** Every shipped template in every locale. */
export function shippedTemplates(): readonly ReplyTemplate[] {
  templates ??= z.array(ReplyTemplate).parse([...zhCNTemplates, ...zhTWTemplates, ...thTemplates, ...enTemplates]);
  return templates;
}
