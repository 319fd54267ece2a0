import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';
import { startConnectionTest } from './connection-test';
import { useQuality } from './store';

const dash = (v: number | null) => (v === null ? '–' : String(Math.round(v * 10) / 10));

/** The test running, or its verdict with the measures and what to do. */
function ConnectionTestStatus() {
  const t = useT();
  const state = useQuality((s) => s.test);
  if (state === 'running') return <p role="status">{t('quality.test.running')}</p>;
  if (state === 'failed') {
    return (
      <p role="status" data-testid="connection-test-result" data-verdict="failed">
        {t('quality.test.failed')}
      </p>
    );
  }
  if (state === 'idle') return null;
  return (
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
  );
}

/** "Test my connection", whenever the line is free: the verdict, the measures and what to do. */
export function ConnectionTest() {
  const t = useT();
  const onCall = useWorkspace((s) => s.call !== null && s.call.state !== 'ended');
  const running = useQuality((s) => s.test === 'running');
  // While the start-of-shift offer is up, the result shows there (once on screen).
  const offerOpen = useQuality((s) => s.shiftOffer);
  return (
    <div className="connection-test">
      <button type="button" onClick={startConnectionTest} disabled={onCall || running}>
        {t('quality.test.start')}
      </button>
      {!offerOpen && <ConnectionTestStatus />}
    </div>
  );
}

/**
 * At the start of a shift (the app opened, the phone registered, no call yet) the agent is offered the line test
 * before her first customer: a remote agent learns of a bad line before a customer does. It goes once she has
 * tested, declined, or a call comes.
 */
export function ShiftStartTestOffer() {
  const t = useT();
  const registered = useWorkspace((s) => s.status?.registered ?? false);
  const call = useWorkspace((s) => s.call);
  const open = useQuality((s) => s.shiftOffer);
  const test = useQuality((s) => s.test);
  const testCallId = useQuality((s) => s.testCallId);
  const close = useQuality((s) => s.closeShiftOffer);
  const otherCall = call !== null && call.callId !== testCallId && test !== 'running';
  useEffect(() => {
    if (open && otherCall) close();
  }, [open, otherCall, close]);
  if (!open || !registered || otherCall) return null;
  return (
    <section className="shift-test-offer" aria-label={t('quality.shift.title')} data-testid="shift-test-offer">
      <p>{t('quality.shift.offer')}</p>
      {test === 'idle' ? (
        <>
          <button type="button" onClick={startConnectionTest}>
            {t('quality.shift.test')}
          </button>
          <button type="button" onClick={close}>
            {t('quality.shift.later')}
          </button>
        </>
      ) : (
        <>
          <ConnectionTestStatus />
          {test !== 'running' && (
            <button type="button" onClick={close}>
              {t('quality.shift.close')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
