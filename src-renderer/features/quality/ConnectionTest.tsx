import { useState } from 'react';
import type { ConnectionTestResult } from '../../../src-shared/quality/connection-test';
import { useT } from '../../i18n/use-t';
import { reportError, useWorkspace } from '../softphone';
import { runConnectionTest } from './connection-test';

const dash = (v: number | null) => (v === null ? '–' : String(Math.round(v * 10) / 10));

/** "Test my connection", before a shift or whenever the line is free: the verdict, the measures and what to do. */
export function ConnectionTest() {
  const t = useT();
  const onCall = useWorkspace((s) => s.call !== null && s.call.state !== 'ended');
  const [state, setState] = useState<'idle' | 'running' | 'failed' | ConnectionTestResult>('idle');
  const start = () => {
    setState('running');
    runConnectionTest()
      .then(setState)
      .catch((err: unknown) => {
        setState('idle');
        reportError(err);
      });
  };
  return (
    <div className="connection-test">
      <button type="button" onClick={start} disabled={onCall || state === 'running'}>
        {t('quality.test.start')}
      </button>
      {state === 'running' && <p role="status">{t('quality.test.running')}</p>}
      {state === 'failed' && (
        <p role="status" data-testid="connection-test-result" data-verdict="failed">
          {t('quality.test.failed')}
        </p>
      )}
      {typeof state === 'object' && (
        <p role="status" data-testid="connection-test-result" data-verdict={state.verdict}>
          {t('quality.test.result', {
            verdict: t(`quality.level.${state.verdict}`),
            mos: dash(state.mos),
            rtt: dash(state.rttMs),
            jitter: dash(state.jitterMs),
            loss: dash(state.lossPct),
          })}{' '}
          {t(state.micHeard ? 'quality.test.micHeard' : 'quality.test.micNotHeard')} {t(`quality.test.advice.${state.verdict}`)}
        </p>
      )}
    </div>
  );
}
