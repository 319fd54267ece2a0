import { z } from 'zod';
import { QUALITY_SAMPLE_MS } from './sampling';
import type { QualitySample, QualityWarning } from './warnings';

/** One call's quality, as kept on its contacts row. Values are null when the call carried no measurable audio. */
export const CallQualitySummary = z
  .object({
    avgMos: z.number().min(1).max(4.5).nullable(),
    worstMos: z.number().min(1).max(4.5).nullable(),
    worstJitterMs: z.number().min(0).max(60_000).nullable(),
    worstLossPct: z.number().min(0).max(100).nullable(),
    /** Seconds during which at least one warning stood. */
    warningSeconds: z.number().int().min(0).max(86_400),
    /** Was a no-audio-received or no-audio-sent warning raised during the call? */
    oneWayAudio: z.boolean(),
    samples: z.number().int().min(0).max(86_400),
  })
  .strict();
export type CallQualitySummary = z.infer<typeof CallQualitySummary>;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * Adds up one call's samples and the warnings standing after each. Seconds with a warning are time, from the samples'
 * own clock: each sample stands for the time since the one before (QUALITY_SAMPLE_MS for the first), at most twice
 * the interval, so a late tick counts what it covered while a longer gap (the window asleep) adds no warning time.
 */
export class CallQualityTally {
  private mosSum = 0;
  private mosCount = 0;
  private worstMos: number | null = null;
  private worstJitter: number | null = null;
  private worstLoss: number | null = null;
  private warningMs = 0;
  private lastAt: number | null = null;
  private oneWay = false;
  private samples = 0;

  add(sample: QualitySample, warnings: readonly QualityWarning[]): void {
    this.samples += 1;
    const covered = this.lastAt === null ? QUALITY_SAMPLE_MS : Math.min(Math.max(0, sample.at - this.lastAt), 2 * QUALITY_SAMPLE_MS);
    this.lastAt = sample.at;
    if (sample.mos !== null) {
      this.mosSum += sample.mos;
      this.mosCount += 1;
      this.worstMos = Math.min(this.worstMos ?? sample.mos, sample.mos);
    }
    if (sample.jitterMs !== null) this.worstJitter = Math.max(this.worstJitter ?? 0, sample.jitterMs);
    if (sample.lossPct !== null) this.worstLoss = Math.max(this.worstLoss ?? 0, sample.lossPct);
    if (warnings.length > 0) this.warningMs += covered;
    this.oneWay ||= warnings.some((w) => w.kind === 'no-audio-in' || w.kind === 'no-audio-out');
  }

  summary(): CallQualitySummary {
    return {
      avgMos: this.mosCount > 0 ? round(this.mosSum / this.mosCount, 2) : null,
      worstMos: this.worstMos,
      worstJitterMs: this.worstJitter === null ? null : round(Math.min(this.worstJitter, 60_000), 1),
      worstLossPct: this.worstLoss === null ? null : round(Math.min(this.worstLoss, 100), 2),
      warningSeconds: Math.min(Math.round(this.warningMs / 1000), 86_400),
      oneWayAudio: this.oneWay,
      samples: Math.min(this.samples, 86_400),
    };
  }
}
