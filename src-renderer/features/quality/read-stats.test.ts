import { describe, expect, it } from 'vitest';
import { readAudioCounters, RoundTripPick } from './read-stats';

describe('readAudioCounters', () => {
  it('reads audio totals, jitter in ms, the RTCP round trip and levels; video and unknown stats are ignored', () => {
    const c = readAudioCounters([
      { id: 'in', type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 5, bytesReceived: 80_000, jitter: 0.012, audioLevel: 0.3 },
      { id: 'vin', type: 'inbound-rtp', kind: 'video', packetsReceived: 9999, packetsLost: 999 },
      { id: 'out', type: 'outbound-rtp', kind: 'audio', packetsSent: 510, bytesSent: 81_000 },
      { id: 'rin', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.085, fractionLost: 0.02 },
      { id: 'mic', type: 'media-source', kind: 'audio', audioLevel: 0.05 },
      { id: 'codec', type: 'codec', mimeType: 'audio/opus' },
    ]);
    expect(c).toEqual({
      packetsReceived: 500,
      packetsLost: 5,
      packetsSent: 510,
      bytesReceived: 80_000,
      bytesSent: 81_000,
      jitterMs: 12,
      rttMs: 85,
      remoteLossFraction: 0.02,
      micLevel: 0.05,
      speakerLevel: 0.3,
      checksSent: null,
      checksAnswered: null,
    });
  });

  it('without RTCP from the far end, the round trip comes from the selected ICE candidate pair', () => {
    const c = readAudioCounters([
      { id: 't', type: 'transport', selectedCandidatePairId: 'p2' },
      { id: 'p1', type: 'candidate-pair', currentRoundTripTime: 0.9 },
      { id: 'p2', type: 'candidate-pair', currentRoundTripTime: 0.031, requestsSent: 12, responsesReceived: 11 },
    ]);
    expect(c.rttMs).toBe(31);
    expect(c.jitterMs).toBeNull();
    // Its consent checks and their answers: whether what we send still reaches the PBX's media relay.
    expect(c).toMatchObject({ checksSent: 12, checksAnswered: 11 });
  });

  it('the round trip is whichever was measured last, RTCP or the ICE checks, and the other when it has none', () => {
    const pick = new RoundTripPick();
    // RTCP receiver reports (rtpengine: every 5-7 s) and the pair's checks (Chromium: every 2.5 s), each with the
    // count that moves when it measures again.
    const report = (rtcp: { rtt: number; n: number } | null, ice: { rtt: number | null; answers: number }) => [
      ...(rtcp ? [{ id: 'rin', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: rtcp.rtt, roundTripTimeMeasurements: rtcp.n }] : []),
      { id: 't', type: 'transport', selectedCandidatePairId: 'p' },
      { id: 'p', type: 'candidate-pair', currentRoundTripTime: ice.rtt, requestsSent: ice.answers, responsesReceived: ice.answers },
    ];
    const rtt = (...r: Parameters<typeof report>) => readAudioCounters(report(...r), pick).rttMs;
    // Both first seen together: the checks', measured more often and always whole.
    expect(rtt({ rtt: 0.05, n: 3 }, { rtt: 0.04, answers: 10 })).toBe(40);
    // The line turns slow: a check is answered after 620 ms while RTCP still holds its reading of seconds ago.
    expect(rtt({ rtt: 0.05, n: 3 }, { rtt: 0.62, answers: 11 })).toBe(620);
    expect(rtt({ rtt: 0.05, n: 3 }, { rtt: 0.62, answers: 11 })).toBe(620);
    // A receiver report comes: its reading is the newer one now (one that straddled the change reads part of it).
    expect(rtt({ rtt: 0.41, n: 4 }, { rtt: 0.62, answers: 11 })).toBe(410);
    expect(rtt({ rtt: 0.41, n: 4 }, { rtt: 0.62, answers: 11 })).toBe(410);
    // The next check answered: the checks' again, even at the same value as before.
    expect(rtt({ rtt: 0.41, n: 4 }, { rtt: 0.62, answers: 12 })).toBe(620);
    // The newer has no reading (the pair's round trip not reported): the other one.
    expect(rtt({ rtt: 0.6, n: 5 }, { rtt: null, answers: 13 })).toBe(600);
    // Without RTCP at all: the pair's.
    expect(rtt(null, { rtt: 0.03, answers: 14 })).toBe(30);
  });
});
