import type { AgentStateTarget } from '../../../src-shared/domain/agent-state';
import { useT } from '../../i18n/use-t';
import { chooseNextState, useWorkspace } from '../softphone';
import { useLabel, withCurrent } from './use-label';

const NONE: string[] = [];

/** "Ready" or "Not Ready · Meal", in the agent's language. */
export function useStateName() {
  const t = useT();
  const reason = useLabel('agent.reason');
  return (target: AgentStateTarget) =>
    target.state === 'ready' ? t('agent.ready') : target.reasonCode ? `${t('agent.not-ready')} · ${reason(target.reasonCode)}` : t('agent.not-ready');
}

/**
 * During a call or after-call work: where the agent goes when the work is done. Left alone, that is the state
 * before the call (shown in the first option), so a meal break is not ended by one callback.
 */
export function NextStatePicker({ before }: { before: AgentStateTarget }) {
  const t = useT();
  const name = useStateName();
  const next = useWorkspace((s) => s.agentState?.nextState ?? null);
  const reasons = useWorkspace((s) => s.agentSettings?.notReadyReasons ?? NONE);
  const value = next === null ? '' : next.state === 'ready' ? 'ready' : (next.reasonCode ?? '');
  const choose = (v: string) => chooseNextState(v === '' ? null : v === 'ready' ? { state: 'ready', reasonCode: null } : { state: 'not-ready', reasonCode: v });
  return (
    <label className="next-state" data-testid="next-state">
      {/* Its name is read out; on screen the first option ("As before …") and its title say what it is. */}
      <span className="visually-hidden">{t('agent.nextState')}</span>
      <select value={value} aria-label={t('agent.nextState')} title={t('agent.nextState')} onChange={(e) => choose(e.target.value)}>
        <option value="">{t('agent.nextState.asBefore', { state: name(before) })}</option>
        <option value="ready">{t('agent.ready')}</option>
        {withCurrent(reasons, value).map((r) => (
          <option key={r} value={r} disabled={!reasons.includes(r)}>
            {name({ state: 'not-ready', reasonCode: r })}
          </option>
        ))}
      </select>
    </label>
  );
}
