/** What one getStats() report says about the call's audio, as running totals and current values. */
export interface AudioCounters {
  packetsReceived: number;
  packetsLost: number;
  packetsSent: number;
  bytesReceived: number;
  bytesSent: number;
  /** Inbound jitter (ms), from the RTP arriving here. */
  jitterMs: number | null;
  /** Round trip to the media relay (ms): the newer of RTCP's and the ICE consent checks' (see RoundTripPick). */
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

/** One source's round trip (ms) and a count that moves each time it measures again. */
interface RoundTripReading {
  ms: number | null;
  count: number | null;
}

/**
 * Which round trip is the newer, across one call's reports. RTCP receiver reports (remote-inbound-rtp) come every
 * 5–7 s from rtpengine; Chromium's ICE checks of the selected pair every 2.5 s. Preferring RTCP whenever it exists
 * hid the checks' fresher reading for up to 7 s after the line changed (and RTCP's first reading after a delay
 * starts holds only part of it), so each source's reading counts from the report where its count last moved
 * (roundTripTimeMeasurements, else totalRoundTripTime; the pair's responsesReceived). Both moving in the same report,
 * or first seen together: the checks', measured more often and always whole. A source without a reading gives way
 * to the other.
 */
export class RoundTripPick {
  private reports = 0;
  private readonly last = { rtcp: { count: null as number | null, movedAt: -1 }, ice: { count: null as number | null, movedAt: -1 } };

  pick(rtcp: RoundTripReading | null, ice: RoundTripReading | null): number | null {
    this.reports += 1;
    this.note('rtcp', rtcp);
    this.note('ice', ice);
    const newer = this.last.rtcp.movedAt > this.last.ice.movedAt ? [rtcp, ice] : [ice, rtcp];
    return newer[0]?.ms ?? newer[1]?.ms ?? null;
  }

  private note(source: 'rtcp' | 'ice', reading: RoundTripReading | null): void {
    if (reading === null || reading.ms === null) return;
    const seen = this.last[source];
    if (seen.movedAt >= 0 && reading.count === seen.count) return;
    seen.count = reading.count;
    seen.movedAt = this.reports;
  }
}

/** roundTrips: the call's own pick, kept from report to report (a fresh one judges this report alone). */
export function readAudioCounters(report: Iterable<Stat>, roundTrips = new RoundTripPick()): AudioCounters {
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
  let rtcpRtt: RoundTripReading | null = null;
  let pairRtt: RoundTripReading | null = null;
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
        if (num(s.roundTripTime) !== null) {
          rtcpRtt = { ms: num(s.roundTripTime)! * 1000, count: num(s.roundTripTimeMeasurements) ?? num(s.totalRoundTripTime) ?? num(s.roundTripTime) };
        }
        if (num(s.fractionLost) !== null) c.remoteLossFraction = num(s.fractionLost);
        break;
      case 'media-source':
        if (num(s.audioLevel) !== null) c.micLevel = num(s.audioLevel);
        break;
      case 'transport': {
        const pair = typeof s.selectedCandidatePairId === 'string' ? byId.get(s.selectedCandidatePairId) : undefined;
        if (pair) {
          const ms = num(pair.currentRoundTripTime);
          pairRtt = { ms: ms === null ? null : ms * 1000, count: num(pair.responsesReceived) ?? ms };
          c.checksSent = num(pair.requestsSent);
          c.checksAnswered = num(pair.responsesReceived);
        }
        break;
      }
    }
  }
  c.rttMs = roundTrips.pick(rtcpRtt, pairRtt);
  return c;
}
