import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';
import { codeLabel } from './code-label';

export { withCurrent } from './code-label';

/** A reason's or disposition's words in the agent's language (see codeLabel). */
export function useLabel(prefix: 'agent.reason' | 'disposition') {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const labels = useWorkspace((s) => (prefix === 'agent.reason' ? s.agentSettings?.labels?.reasons : s.agentSettings?.labels?.dispositions));
  return (code: string) => codeLabel(code, prefix, locale, labels?.[code], (key) => t(key));
}
