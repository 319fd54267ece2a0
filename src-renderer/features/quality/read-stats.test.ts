import { describe, expect, it } from 'vitest';
import { readAudioCounters } from './read-stats';

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
});
