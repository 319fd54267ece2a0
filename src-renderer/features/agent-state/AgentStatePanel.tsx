import { useEffect, useState } from 'react';
import type { AgentState } from '../../../src-shared/domain/agent-state';
import { useT } from '../../i18n/use-t';
import { chooseDisposition, extendAfterCallWork, finishAfterCallWork, goNotReady, goReady, useWorkspace } from '../softphone';
import { NextStatePicker } from './NextStatePicker';
import { useLabel, withCurrent } from './use-label';

export { useLabel };

/** One empty list, so a selector with nothing to return does not hand React a new array on every render. */
const NONE: string[] = [];

function SecondsLeft({ until }: { until: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span data-testid="acw-left">{t('acw.timeLeft', { seconds: Math.max(0, Math.ceil((until - now) / 1000)) })}</span>;
}

function DispositionSelect({ callId, value, label }: { callId: string; value: string | null; label: string }) {
  const t = useT();
  const name = useLabel('disposition');
  const dispositions = useWorkspace((s) => s.agentSettings?.dispositions ?? NONE);
  return (
    <label>
      <span>{label}</span>{' '}
      <select value={value ?? ''} onChange={(e) => chooseDisposition(callId, e.target.value)} aria-label={label}>
        <option value="" disabled>
          {t('acw.choose')}
        </option>
        {withCurrent(dispositions, value).map((d) => (
          <option key={d} value={d} disabled={!dispositions.includes(d)}>
            {name(d)}
          </option>
        ))}
      </select>
    </label>
  );
}

function AfterCallWork({ acw, onNewWorkOrder }: { acw: NonNullable<AgentState['acw']>; onNewWorkOrder: () => void }) {
  const t = useT();
  const allChosen = acw.disposition !== null && acw.earlier.every((c) => c.disposition !== null);
  return (
    <div className="acw" data-testid="acw">
      {/* The spaces keep the words apart for screen readers and copied text; the gap does it on screen. */}
      <strong>{t('agent.after-call-work')}</strong>{' '}
      {acw.overdue ? <span role="alert">{t('acw.overdue')}</span> : <SecondsLeft until={acw.endsAt} />}{' '}
      {/* A call that ended while this work was open keeps its own disposition, asked for here. */}
      {acw.earlier.map((c, i) => (
        <DispositionSelect key={c.callId} callId={c.callId} value={c.disposition} label={t('acw.earlierDisposition', { n: i + 1 })} />
      ))}
      <DispositionSelect callId={acw.callId} value={acw.disposition} label={t('acw.disposition')} />{' '}
      <NextStatePicker before={acw.returnTo} />
      <button type="button" onClick={() => extendAfterCallWork()} disabled={acw.extended}>
        {t('acw.extend')}
      </button>
      <button type="button" onClick={onNewWorkOrder} aria-keyshortcuts="Alt+N">
        {t('acw.workOrder')}
      </button>
      <button type="button" onClick={() => finishAfterCallWork()} disabled={!allChosen}>
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
  const onCall = useWorkspace((s) => s.call?.state === 'active' || s.call?.state === 'connecting');
  if (!state) return null;
  if (state.state === 'after-call-work' && state.acw) return <AfterCallWork acw={state.acw} onNewWorkOrder={onNewWorkOrder} />;
  const value = state.state === 'ready' ? 'ready' : (state.reasonCode ?? '');
  return (
    <>
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
          {withCurrent(reasons, value).map((r) => (
            <option key={r} value={r} disabled={!reasons.includes(r)}>
              {t('agent.not-ready')}: {label(r)}
            </option>
          ))}
        </select>
      </label>
      {onCall && <NextStatePicker before={{ state: state.state === 'ready' ? 'ready' : 'not-ready', reasonCode: state.reasonCode }} />}
    </>
  );
}
