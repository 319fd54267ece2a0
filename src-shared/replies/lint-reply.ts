import type { Locale } from '../domain/screen-pop';
import { coachReply, type CoachFinding, type CoachOptions } from './coach';
import { checkLatte, type LatteReport } from './latte';

export interface ReplyLint {
  latte: LatteReport;
  findings: CoachFinding[];
}

/** Everything the workspace checks on a draft as the agent types: LATTE coverage and positive language. */
export function lintReply(text: string, locale: Locale, options: CoachOptions = {}): ReplyLint {
  return {
    latte: checkLatte(text, locale, { uiLocale: options.uiLocale ?? locale }),
    findings: coachReply(text, locale, options),
  };
}
