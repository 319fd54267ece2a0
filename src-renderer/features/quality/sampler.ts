import { scoreCall } from '../../../src-shared/quality/e-model';
import { CallQualityTally, type CallQualitySummary } from '../../../src-shared/quality/summary';
import { QualityJudge, type QualitySample, type QualityWarning } from '../../../src-shared/quality/warnings';
import type { AudioCounters } from './read-stats';

/** What the call bar shows: the latest measures and the warnings standing. */
export interface LiveQuality {
  mos: number | null;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  bytesSent: number;
  bytesReceived: number;
  micLevel: number | null;
  speakerLevel: number | null;
  warnings: QualityWarning[];
}

/** Loss is measured over the last five seconds: one lost burst shows, and fades once the line is clean. */
const LOSS_WINDOW = 5;

/** One call's quality, sample by sample: the counters' changes become a judged sample and add to the summary. */
export class QualitySampler {
  private previous: AudioCounters | null = null;
  private readonly window: { received: number; lost: number }[] = [];
  private readonly judge = new QualityJudge();
  private readonly tally = new CallQualityTally();

  /** held: silence is expected (on hold either way); muted: the agent turned her microphone off. */
  sample(c: AudioCounters, at: number, { held, muted }: { held: boolean; muted: boolean }): LiveQuality {
    const prev = this.previous;
    this.previous = c;
    const received = c.packetsReceived - (prev?.packetsReceived ?? 0);
    const lost = Math.max(0, c.packetsLost - (prev?.packetsLost ?? 0));
    this.window.push({ received: Math.max(0, received), lost });
    if (this.window.length > LOSS_WINDOW) this.window.shift();
    const windowReceived = this.window.reduce((n, w) => n + w.received, 0);
    const windowLost = this.window.reduce((n, w) => n + w.lost, 0);
    const inboundLoss = windowReceived + windowLost > 0 ? (100 * windowLost) / (windowReceived + windowLost) : null;
    const outboundLoss = c.remoteLossFraction === null ? null : c.remoteLossFraction * 100;
    const lossPct = inboundLoss === null && outboundLoss === null ? null : Math.max(inboundLoss ?? 0, outboundLoss ?? 0);
    const flowing = received > 0;
    const asked = c.checksSent !== null && c.checksSent > (prev?.checksSent ?? c.checksSent);
    const answered = c.checksAnswered !== null && c.checksAnswered > (prev?.checksAnswered ?? c.checksAnswered);
    const mos = flowing ? scoreCall({ rttMs: c.rttMs ?? 0, jitterMs: c.jitterMs ?? 0, lossPct: lossPct ?? 0 }).mos : null;
    const s: QualitySample = {
      at,
      rttMs: c.rttMs,
      jitterMs: flowing ? c.jitterMs : null,
      lossPct: held ? null : lossPct,
      mos: held ? null : mos,
      receivedAudio: held ? null : flowing,
      sentAudio: held ? null : c.packetsSent > (prev?.packetsSent ?? 0),
      micLevel: muted || held ? null : c.micLevel,
      checksAnswered: answered ? true : asked ? false : null,
    };
    const warnings = this.judge.add(s);
    this.tally.add(s, warnings);
    return {
      mos: s.mos,
      rttMs: s.rttMs === null ? null : Math.round(s.rttMs),
      jitterMs: s.jitterMs === null ? null : Math.round(s.jitterMs * 10) / 10,
      lossPct: s.lossPct === null ? null : Math.round(s.lossPct * 10) / 10,
      bytesSent: c.bytesSent,
      bytesReceived: c.bytesReceived,
      micLevel: c.micLevel,
      speakerLevel: c.speakerLevel,
      warnings,
    };
  }

  summary(): CallQualitySummary {
    return this.tally.summary();
  }
}
