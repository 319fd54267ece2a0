import { QUALITY_LIMITS } from './warnings';

/** One sample of the pre-call echo test, as the window measured it. */
export interface EchoReading {
  mos: number | null;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  /** The echoed audio's level: the agent's own microphone, coming back. */
  speakerLevel: number | null;
}

export type ConnectionVerdict = 'good' | 'fair' | 'poor';

export interface ConnectionTestResult {
  verdict: ConnectionVerdict;
  mos: number | null;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  /** Did any of the agent's microphone audio come back in the echo? */
  micHeard: boolean;
}

/** Below this the echo is silence (digital zero or line noise), not a voice. */
const HEARD_LEVEL = 0.001;

const worst = (xs: (number | null)[]) => xs.reduce<number | null>((m, x) => (x === null ? m : Math.max(m ?? x, x)), null);

/**
 * The verdict on a few seconds of echo: good when the average MOS is toll quality (4+) and no measure crossed a
 * warning line, fair down to the MOS warning line (3.5), poor below it or when no audio came back at all.
 */
export function judgeConnection(readings: readonly EchoReading[]): ConnectionTestResult {
  const scores = readings.map((r) => r.mos).filter((m): m is number => m !== null);
  const mos = scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
  const rttMs = worst(readings.map((r) => r.rttMs));
  const jitterMs = worst(readings.map((r) => r.jitterMs));
  const lossPct = worst(readings.map((r) => r.lossPct));
  const micHeard = readings.some((r) => (r.speakerLevel ?? 0) > HEARD_LEVEL);
  const crossed =
    (rttMs ?? 0) > QUALITY_LIMITS.rttMs || (jitterMs ?? 0) > QUALITY_LIMITS.jitterMs || (lossPct ?? 0) > QUALITY_LIMITS.lossPct;
  const verdict: ConnectionVerdict = mos === null || mos < QUALITY_LIMITS.mos ? 'poor' : mos >= 4 && !crossed ? 'good' : 'fair';
  return { verdict, mos, rttMs, jitterMs, lossPct, micHeard };
}
