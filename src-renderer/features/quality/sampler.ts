import { scoreCall } from '../../../src-shared/quality/e-model';
import { CallQualityTally, type CallQualitySummary } from '../../../src-shared/quality/summary';
import { samplesOver } from '../../../src-shared/quality/sampling';
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

/** Loss is measured over the last five seconds (in samples): one lost burst shows, and fades once the line is clean. */
const LOSS_WINDOW = samplesOver(5000);

/** One call's quality, sample by sample: the counters' changes become a judged sample and add to the summary. */
export class QualitySampler {
  private previous: AudioCounters | null = null;
  private readonly window: { received: number; lost: number }[] = [];
  private readonly judge = new QualityJudge();
  private readonly tally = new CallQualityTally();
  /** The sample at which a consent check was seen to leave that has had no answer since (see roundTrip). */
  private checkUnansweredSince: number | null = null;

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
    const rttMs = this.roundTrip(c.rttMs, at, { asked, answered, flowing });
    const mos = flowing ? scoreCall({ rttMs: rttMs ?? 0, jitterMs: c.jitterMs ?? 0, lossPct: lossPct ?? 0 }).mos : null;
    const s: QualitySample = {
      at,
      rttMs,
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

  /**
   * The round trip Chromium last measured, or more when a consent check has been waiting longer than that. Chromium
   * measures only when an answer comes back, on a check about every 2.5 s, so a line that turned very slow reads its
   * old, fast round trip until then. A check seen leaving at one sample and still unanswered at a later one has been
   * on its way at least the time between them: an honest lower bound, known a sample later than the check left
   * (so it shows only round trips of QUALITY_SAMPLE_MS, half a second, or more). Only while audio arrives: checks
   * unanswered with nothing arriving are a cut line, which the silence rule reports, not a slow one.
   */
  private roundTrip(measured: number | null, at: number, seen: { asked: boolean; answered: boolean; flowing: boolean }): number | null {
    if (seen.answered) this.checkUnansweredSince = null;
    // A check and an answer between the same two samples are taken as that check answered: never an alarm on a fast line.
    else if (seen.asked) this.checkUnansweredSince ??= at;
    if (this.checkUnansweredSince === null || !seen.flowing) return measured;
    const waiting = at - this.checkUnansweredSince;
    return waiting > 0 && (measured === null || waiting > measured) ? waiting : measured;
  }

  summary(): CallQualitySummary {
    return this.tally.summary();
  }
}
