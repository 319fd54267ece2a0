import { request } from '../../api/client';
import { judgeConnection, type ConnectionTestResult, type EchoReading } from '../../../src-shared/quality/connection-test';
import { samplesOver } from '../../../src-shared/quality/sampling';
import { reportError, useWorkspace } from '../softphone';
import { useQuality } from './store';

/** Six seconds of echo, counted in samples: two of Chromium's round-trip checks (every 2.5 s), short enough before a shift. */
const TEST_SAMPLES = samplesOver(6000);
const CONNECT_WITHIN_MS = 15_000;

/** Resolves true once the call is up, false if it ends or does not connect in time. */
function untilActive(callId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      const { call } = useWorkspace.getState();
      if (call?.callId !== callId) return;
      if (call.state === 'active') done(true);
      else if (call.state === 'ended') done(false);
    };
    const stop = useWorkspace.subscribe(check);
    const timer = setTimeout(() => done(false), CONNECT_WITHIN_MS);
    function done(ok: boolean) {
      clearTimeout(timer);
      stop();
      resolve(ok);
    }
    check();
  });
}

/** The next few seconds of measures from the call's sampler (one every QUALITY_SAMPLE_MS). */
function readings(): Promise<EchoReading[]> {
  return new Promise((resolve) => {
    const seen: EchoReading[] = [];
    const stop = useQuality.subscribe((next, prev) => {
      if (!next.live || next.live === prev.live) return;
      const { mos, rttMs, jitterMs, lossPct, speakerLevel } = next.live;
      seen.push({ mos, rttMs, jitterMs, lossPct, speakerLevel });
      if (seen.length < TEST_SAMPLES) return;
      stop();
      resolve(seen);
    });
  });
}

/**
 * The pre-call test: a call to the PBX's echo test, a few seconds of the agent's own audio coming back measured
 * like any call, then hung up. 'failed' when the call did not connect.
 */
async function runConnectionTest(): Promise<ConnectionTestResult | 'failed'> {
  const call = await request('startConnectionTest', {});
  useQuality.getState().setTest('running', call.callId);
  const up = await untilActive(call.callId);
  const measured = up ? await readings() : null;
  await request('hangUpCall', { callId: call.callId }).catch(() => undefined);
  if (!measured) return 'failed';
  const result = judgeConnection(measured);
  // Kept with her presence for her team lead; the agent's own result does not wait on it.
  void request('reportConnectionTest', { verdict: result.verdict }).catch(() => undefined);
  return result;
}

/** Runs the test once (the call bar's button and the start-of-shift offer share it and its result). */
export function startConnectionTest(): void {
  const { test, setTest } = useQuality.getState();
  if (test === 'running') return;
  setTest('running');
  runConnectionTest()
    .then((result) => setTest(result))
    .catch((err: unknown) => {
      setTest('idle');
      reportError(err);
    });
}
