/** What one getStats() report says about the call's audio, as running totals and current values. */
export interface AudioCounters {
  packetsReceived: number;
  packetsLost: number;
  packetsSent: number;
  bytesReceived: number;
  bytesSent: number;
  /** Inbound jitter (ms), from the RTP arriving here. */
  jitterMs: number | null;
  /** Round trip to the media relay (ms): from RTCP when the far end reports, else from ICE consent checks. */
  rttMs: number | null;
  /** The share of our packets the far end reports lost (RTCP), 0–1. */
  remoteLossFraction: number | null;
  /** Microphone level, 0–1. */
  micLevel: number | null;
  /** The caller's audio level as it plays, 0–1. */
  speakerLevel: number | null;
  /**
   * ICE consent checks (RFC 7675) sent to the PBX's media relay on the selected path, and the answers back: while
   * it answers, what we send reaches it. Null without a selected path.
   */
  checksSent: number | null;
  checksAnswered: number | null;
}

/** The fields of RTCStats this reads (the DOM types do not list them all). */
type Stat = Record<string, unknown> & { type: string; id: string };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readAudioCounters(report: Iterable<Stat>): AudioCounters {
  const c: AudioCounters = {
    packetsReceived: 0,
    packetsLost: 0,
    packetsSent: 0,
    bytesReceived: 0,
    bytesSent: 0,
    jitterMs: null,
    rttMs: null,
    remoteLossFraction: null,
    micLevel: null,
    speakerLevel: null,
    checksSent: null,
    checksAnswered: null,
  };
  const stats = [...report];
  const byId = new Map(stats.map((s) => [s.id, s]));
  let pairRtt: number | null = null;
  for (const s of stats) {
    if (s.kind !== undefined && s.kind !== 'audio') continue;
    switch (s.type) {
      case 'inbound-rtp':
        c.packetsReceived += num(s.packetsReceived) ?? 0;
        c.packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
        c.bytesReceived += num(s.bytesReceived) ?? 0;
        if (num(s.jitter) !== null) c.jitterMs = Math.max(c.jitterMs ?? 0, num(s.jitter)! * 1000);
        if (num(s.audioLevel) !== null) c.speakerLevel = num(s.audioLevel);
        break;
      case 'outbound-rtp':
        c.packetsSent += num(s.packetsSent) ?? 0;
        c.bytesSent += num(s.bytesSent) ?? 0;
        break;
      case 'remote-inbound-rtp':
        if (num(s.roundTripTime) !== null) c.rttMs = num(s.roundTripTime)! * 1000;
        if (num(s.fractionLost) !== null) c.remoteLossFraction = num(s.fractionLost);
        break;
      case 'media-source':
        if (num(s.audioLevel) !== null) c.micLevel = num(s.audioLevel);
        break;
      case 'transport': {
        const pair = typeof s.selectedCandidatePairId === 'string' ? byId.get(s.selectedCandidatePairId) : undefined;
        if (pair && num(pair.currentRoundTripTime) !== null) pairRtt = num(pair.currentRoundTripTime)! * 1000;
        if (pair) {
          c.checksSent = num(pair.requestsSent);
          c.checksAnswered = num(pair.responsesReceived);
        }
        break;
      }
    }
  }
  c.rttMs ??= pairRtt;
  return c;
}
