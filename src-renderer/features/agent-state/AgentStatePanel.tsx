import { useEffect, useState } from 'react';
import type { AgentState } from '../../../src-shared/domain/agent-state';
import { messages, type MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { chooseDisposition, extendAfterCallWork, finishAfterCallWork, goNotReady, goReady, useWorkspace } from '../softphone';

/** One empty list, so a selector with nothing to return does not hand React a new array on every render. */
const NONE: string[] = [];

/** Known codes have words in every locale; a code configured locally is shown as it is. */
export function useLabel(prefix: 'agent.reason' | 'disposition') {
  const t = useT();
  return (code: string) => {
    const key = `${prefix}.${code}`;
    return key in messages.en ? t(key as MessageKey) : code;
  };
}

function SecondsLeft({ until }: { until: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span data-testid="acw-left">{t('acw.timeLeft', { seconds: Math.max(0, Math.ceil((until - now) / 1000)) })}</span>;
}

function AfterCallWork({ acw, onNewWorkOrder }: { acw: NonNullable<AgentState['acw']>; onNewWorkOrder: () => void }) {
  const t = useT();
  const label = useLabel('disposition');
  const dispositions = useWorkspace((s) => s.agentSettings?.dispositions ?? NONE);
  return (
    <div className="acw" data-testid="acw">
      {/* The spaces keep the words apart for screen readers and copied text; the gap does it on screen. */}
      <strong>{t('agent.after-call-work')}</strong>{' '}
      {acw.overdue ? <span role="alert">{t('acw.overdue')}</span> : <SecondsLeft until={acw.endsAt} />}{' '}
      <label>
        <span>{t('acw.disposition')}</span>{' '}
        <select value={acw.disposition ?? ''} onChange={(e) => chooseDisposition(acw.callId, e.target.value)} aria-label={t('acw.disposition')}>
          <option value="" disabled>
            {t('acw.choose')}
          </option>
          {dispositions.map((d) => (
            <option key={d} value={d}>
              {label(d)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => extendAfterCallWork()} disabled={acw.extended}>
        {t('acw.extend')}
      </button>
      <button type="button" onClick={onNewWorkOrder} aria-keyshortcuts="Alt+N">
        {t('acw.workOrder')}
      </button>
      <button type="button" onClick={() => finishAfterCallWork()} disabled={acw.disposition === null}>
        {t('acw.finish')}
      </button>
    </div>
  );
}

/**
 * Ready / Not Ready (with its reason) / After-call work, as the agent sets it and the PBX sees it. In after-call
 * work the agent is offered a work order prefilled from the call.
 */
export function AgentStatePanel({ onNewWorkOrder }: { onNewWorkOrder: () => void }) {
  const t = useT();
  const label = useLabel('agent.reason');
  const state = useWorkspace((s) => s.agentState);
  const reasons = useWorkspace((s) => s.agentSettings?.notReadyReasons ?? NONE);
  if (!state) return null;
  if (state.state === 'after-call-work' && state.acw) return <AfterCallWork acw={state.acw} onNewWorkOrder={onNewWorkOrder} />;
  const value = state.state === 'ready' ? 'ready' : (state.reasonCode ?? '');
  return (
    <label className={`agent-state agent-state-${state.state}`} data-testid="agent-state">
      {/* Named for screen readers; on screen the chosen state speaks for itself and the call bar stays one line. */}
      <span className="visually-hidden">{t('agent.state')}</span>
      <select
        value={value}
        aria-label={t('agent.state')}
        onChange={(e) => (e.target.value === 'ready' ? goReady() : goNotReady(e.target.value))}
      >
        <option value="ready">{t('agent.ready')}</option>
        {value === '' && (
          <option value="" disabled>
            {t('agent.not-ready')}
          </option>
        )}
        {reasons.map((r) => (
          <option key={r} value={r}>
            {t('agent.not-ready')}: {label(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
