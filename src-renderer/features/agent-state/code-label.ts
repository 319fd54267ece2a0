import type { CodeLabels } from '../../../src-shared/domain/agent-state';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { messages, type MessageKey } from '../../i18n/messages';

/**
 * A reason's or disposition's words: the team's own for the agent's language when it published some, else the
 * app's words for a known code, else the team's English words, else the code as it is. The team's words for a
 * code it has since taken off the list are kept, so an earlier state or call still reads as it did.
 */
export function codeLabel(code: string, prefix: 'agent.reason' | 'disposition', locale: Locale, team: CodeLabels | undefined, t: (key: MessageKey) => string): string {
  const key = `${prefix}.${code}`;
  return team?.[locale] ?? (key in messages.en ? t(key as MessageKey) : (team?.en ?? code));
}

/** The codes to offer, with the one in use kept at the end when the team has since taken it off the list. */
export function withCurrent(codes: readonly string[], current: string | null | undefined): readonly string[] {
  return current && current !== 'ready' && !codes.includes(current) ? [...codes, current] : codes;
}
