import { QUALITY_LIMITS, type QualityWarning } from '../../../src-shared/quality/warnings';
import type { LiveQuality } from './sampler';

export type QualityLevel = 'measuring' | 'good' | 'fair' | 'poor';

/** Good from MOS 4 (toll quality), fair down to the warning line, poor below it or with any warning standing. */
export function qualityLevel(live: LiveQuality | null): QualityLevel {
  if (!live) return 'measuring';
  if (live.warnings.length > 0) return 'poor';
  if (live.mos === null) return 'measuring';
  if (live.mos < QUALITY_LIMITS.mos) return 'poor';
  return live.mos < 4 ? 'fair' : 'good';
}

/** The message key of a warning's advice: no audio arriving reads differently on the agent's side and the caller's. */
export function adviceKey(w: QualityWarning) {
  return w.kind === 'no-audio-in' ? (`quality.advice.no-audio-in.${w.side}` as const) : (`quality.advice.${w.kind}` as const);
}
