/**
 * The call-quality warnings, as a pure function of samples (taken every QUALITY_SAMPLE_MS, twice a second; no
 * timers: time comes from the samples), so the renderer, the floor board and tests all judge a call the same way.
 *
 * Network rules (RTT > 400 ms, jitter > 30 ms, loss > 1 %, MOS < 3.5) are raised when 3 of the last 5 samples are
 * bad (2.5 s of them), so one spike does not alarm the agent. Silence rules (no audio received, none sent, for 3 s; a microphone
 * level that has not moved for 10 s) carry their own duration and are raised once it has passed. Every warning is
 * cleared only after 5 s without a bad sample, so it does not flicker.
 *
 * Whose side a silence is on: no audio arriving is the agent's when hers does not leave either, or when the PBX's
 * media relay has stopped answering her ICE consent checks (what she sends no longer reaches it: her network's way
 * out is cut); otherwise it is the caller's.
 */
export const QUALITY_LIMITS = {
  rttMs: 400,
  jitterMs: 30,
  lossPct: 1,
  mos: 3.5,
  silentMs: 3000,
  micFlatMs: 10_000,
  /** A level that moves less than this between samples has not changed (a dead or hardware-muted mic reads 0). */
  micLevelStep: 0.0005,
  clearAfterMs: 5000,
} as const;

export const QualityWarningKinds = ['rtt', 'jitter', 'loss', 'mos', 'no-audio-in', 'no-audio-out', 'mic-flat'] as const;
export type QualityWarningKind = (typeof QualityWarningKinds)[number];

/** Whose end to look at: the agent's own network, headset or microphone, or the caller's side of the PBX. */
export type QualitySide = 'agent' | 'caller';

export interface QualitySample {
  /** When it was taken (ms). */
  at: number;
  rttMs: number | null;
  jitterMs: number | null;
  /** Packets lost over the last few seconds, 0–100. */
  lossPct: number | null;
  mos: number | null;
  /** Did audio packets arrive since the last sample? null while silence is expected (on hold). */
  receivedAudio: boolean | null;
  /** Did audio packets leave? null while silence is expected (on hold). */
  sentAudio: boolean | null;
  /** The microphone's level, 0–1; null while the agent has muted herself. */
  micLevel: number | null;
  /**
   * Did the PBX's media relay answer our ICE consent checks since the last sample? false: we asked and heard
   * nothing back; null: nothing was asked (checks go every few seconds on a quiet path).
   */
  checksAnswered: boolean | null;
}

export interface QualityWarning {
  kind: QualityWarningKind;
  side: QualitySide;
  since: number;
}

interface Rule {
  raisedAt: number | null;
  lastBadAt: number | null;
  recent: boolean[];
}

/** One sample for a rule: raised once `needed` of the last 5 are bad, cleared 5 s after the last bad one. */
function step(rule: Rule, at: number, bad: boolean, needed: number): void {
  rule.recent = [...rule.recent, bad].slice(-5);
  if (bad) rule.lastBadAt = at;
  if (rule.raisedAt === null) {
    if (bad && rule.recent.filter(Boolean).length >= needed) rule.raisedAt = at;
  } else if (rule.lastBadAt !== null && at - rule.lastBadAt >= QUALITY_LIMITS.clearAfterMs) {
    rule.raisedAt = null;
  }
}

const NETWORK: Record<'rtt' | 'jitter' | 'loss' | 'mos', (s: QualitySample) => boolean> = {
  rtt: (s) => s.rttMs !== null && s.rttMs > QUALITY_LIMITS.rttMs,
  jitter: (s) => s.jitterMs !== null && s.jitterMs > QUALITY_LIMITS.jitterMs,
  loss: (s) => s.lossPct !== null && s.lossPct > QUALITY_LIMITS.lossPct,
  mos: (s) => s.mos !== null && s.mos < QUALITY_LIMITS.mos,
};

/** Follows one call's samples and says which warnings stand after each. */
export class QualityJudge {
  private readonly rules = new Map<QualityWarningKind, Rule>(QualityWarningKinds.map((k) => [k, { raisedAt: null, lastBadAt: null, recent: [] }]));
  private lastIn: number | null = null;
  private lastOut: number | null = null;
  private micMovedAt: number | null = null;
  private micLevel: number | null = null;
  /** The path to the PBX's media relay, cut: not a warning of its own, it says whose side a silence is on. */
  private readonly pathCut: Rule = { raisedAt: null, lastBadAt: null, recent: [] };
  private lastAnsweredAt: number | null = null;
  private unanswered = 0;
  /** Whose side the standing "no audio arriving" is on; null while it does not stand. */
  private silenceSide: QualitySide | null = null;

  add(s: QualitySample): QualityWarning[] {
    for (const kind of ['rtt', 'jitter', 'loss', 'mos'] as const) this.judge(kind, s.at, NETWORK[kind](s), 3);
    this.judge('no-audio-in', s.at, this.silentIn(s), 1);
    this.judge('no-audio-out', s.at, this.silentOut(s), 1);
    this.judge('mic-flat', s.at, this.micFlat(s), 1);
    step(this.pathCut, s.at, this.unheard(s), 1);
    this.placeSilence();
    return this.warnings();
  }

  warnings(): QualityWarning[] {
    const out: QualityWarning[] = [];
    for (const kind of QualityWarningKinds) {
      const since = this.rules.get(kind)!.raisedAt;
      if (since !== null) out.push({ kind, side: this.sideOf(kind), since });
    }
    return out;
  }

  /**
   * No audio arriving while ours leaves: the PBX has nothing from the caller (their phone or their leg). When ours
   * does not leave either, or the PBX's media relay no longer answers her checks, her own connection is the one to check.
   */
  private sideOf(kind: QualityWarningKind): QualitySide {
    return kind === 'no-audio-in' ? (this.silenceSide ?? 'caller') : 'agent';
  }

  /** Once a silence is the agent's, it stays hers until it clears: it does not flip to the caller's as things recover. */
  private placeSilence(): void {
    if (this.rules.get('no-audio-in')!.raisedAt === null) {
      this.silenceSide = null;
      return;
    }
    const hers = this.rules.get('no-audio-out')!.raisedAt !== null || this.pathCut.raisedAt !== null;
    if (hers || this.silenceSide === null) this.silenceSide = hers ? 'agent' : 'caller';
  }

  private judge(kind: QualityWarningKind, at: number, bad: boolean, needed: number): void {
    step(this.rules.get(kind)!, at, bad, needed);
  }

  /**
   * Our consent checks unanswered for 3 s, and at least two samples asking in vain: on a quiet path a check goes
   * every few seconds, so one sample taken while its answer is on the way is not a cut.
   */
  private unheard(s: QualitySample): boolean {
    if (s.checksAnswered === true) {
      this.lastAnsweredAt = s.at;
      this.unanswered = 0;
      return false;
    }
    this.lastAnsweredAt ??= s.at;
    if (s.checksAnswered === false) this.unanswered += 1;
    return this.unanswered >= 2 && s.at - this.lastAnsweredAt >= QUALITY_LIMITS.silentMs;
  }

  private silentIn(s: QualitySample): boolean {
    if (s.receivedAudio !== false) {
      this.lastIn = s.at;
      return false;
    }
    this.lastIn ??= s.at;
    // Before the first packet the call is still connecting: 3 s from the first sample counts as well.
    return s.at - this.lastIn >= QUALITY_LIMITS.silentMs;
  }

  private silentOut(s: QualitySample): boolean {
    if (s.sentAudio !== false) {
      this.lastOut = s.at;
      return false;
    }
    this.lastOut ??= s.at;
    return s.at - this.lastOut >= QUALITY_LIMITS.silentMs;
  }

  private micFlat(s: QualitySample): boolean {
    const previous = this.micLevel;
    this.micLevel = s.micLevel;
    if (s.micLevel === null || previous === null || Math.abs(s.micLevel - previous) >= QUALITY_LIMITS.micLevelStep) {
      this.micMovedAt = s.at;
      return false;
    }
    this.micMovedAt ??= s.at;
    return s.at - this.micMovedAt >= QUALITY_LIMITS.micFlatMs;
  }
}
