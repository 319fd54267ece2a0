import { describe, expect, it } from 'vitest';
import type { AudioCounters } from './read-stats';
import { QualitySampler } from './sampler';

/** Running totals after n seconds of a call sending and receiving 50 packets a second, with `lost` lost so far. */
function at(n: number, over: Partial<AudioCounters> = {}): AudioCounters {
  return {
    packetsReceived: 50 * n,
    packetsLost: 0,
    packetsSent: 50 * n,
    bytesReceived: 8000 * n,
    bytesSent: 8000 * n,
    jitterMs: 4,
    rttMs: 20,
    remoteLossFraction: null,
    micLevel: n % 2 ? 0.1 : 0.2,
    speakerLevel: 0.1,
    // A consent check a second, each answered.
    checksSent: n,
    checksAnswered: n,
    ...over,
  };
}
const talking = { held: false, muted: false };

describe('QualitySampler', () => {
  it('a clean call: MOS from the E-model, no warnings', () => {
    const sampler = new QualitySampler();
    let live;
    for (let n = 1; n <= 6; n++) live = sampler.sample(at(n), n * 1000, talking);
    // L = 20 + 2×4 + 10 = 38 → R = 93.2 − 0.95 = 92.25 → MOS 4.39
    expect(live).toMatchObject({ mos: 4.39, rttMs: 20, jitterMs: 4, lossPct: 0, warnings: [] });
  });

  it('loss is the share lost over the last five seconds, and fades once the line is clean', () => {
    const sampler = new QualitySampler();
    sampler.sample(at(1), 1000, talking);
    // Seconds 2–4: 50 packets arrive and 5 are lost each second.
    const lossy = (n: number) => at(n, { packetsReceived: 50 + (n - 1) * 50, packetsLost: (n - 1) * 5 });
    sampler.sample(lossy(2), 2000, talking);
    sampler.sample(lossy(3), 3000, talking);
    const live = sampler.sample(lossy(4), 4000, talking);
    // window: received 50+50+50+50 = 200, lost 0+5+5+5 = 15 → 15 / 215 = 6.98 % → 7.0
    expect(live.lossPct).toBe(7);
    expect(live.warnings.map((w) => w.kind)).toContain('loss');
  });

  it('audio stopping both ways on hold is no warning; the summary counts what was measured', () => {
    const sampler = new QualitySampler();
    sampler.sample(at(1), 1000, talking);
    for (let n = 2; n <= 8; n++) expect(sampler.sample(at(1), n * 1000, { held: true, muted: false }).warnings).toEqual([]);
    expect(sampler.summary()).toMatchObject({ oneWayAudio: false, warningSeconds: 0, samples: 8 });
  });

  it('audio stopping to arrive is the caller side after 3 s', () => {
    const sampler = new QualitySampler();
    sampler.sample(at(1), 1000, talking);
    let live;
    for (let n = 2; n <= 4; n++) live = sampler.sample(at(n, { packetsReceived: 50 }), n * 1000, talking);
    expect(live!.warnings).toEqual([{ kind: 'no-audio-in', side: 'caller', since: 4000 }]);
    expect(sampler.summary().oneWayAudio).toBe(true);
  });

  it("audio stopping to arrive while the PBX stops answering her checks is her side: what she sends no longer reaches it", () => {
    const sampler = new QualitySampler();
    sampler.sample(at(1), 1000, talking);
    let live;
    // From 2 s: nothing arrives, her audio still leaves, her checks go out and none is answered.
    for (let n = 2; n <= 4; n++) live = sampler.sample(at(n, { packetsReceived: 50, checksAnswered: 1 }), n * 1000, talking);
    expect(live!.warnings).toEqual([{ kind: 'no-audio-in', side: 'agent', since: 4000 }]);
  });

  it('a consent check still unanswered a sample after it left: the round trip is at least that long, and warns as one', () => {
    const sampler = new QualitySampler();
    sampler.sample(at(1), 1000, talking);
    // From 2 s her checks go out and none has come back yet; Chromium still reports the last round trip it measured
    // (20 ms), while the caller's audio keeps arriving.
    const waiting = (n: number) => at(n, { checksAnswered: 1 });
    expect(sampler.sample(waiting(2), 2000, talking)).toMatchObject({ rttMs: 20, warnings: [] });
    expect(sampler.sample(waiting(3), 3000, talking).rttMs).toBe(1000);
    sampler.sample(waiting(4), 4000, talking);
    const live = sampler.sample(waiting(5), 5000, talking);
    expect(live.rttMs).toBe(3000);
    expect(live.warnings).toContainEqual({ kind: 'rtt', side: 'agent', since: 5000 });
    // The answer comes: the round trip is Chromium's measure again.
    expect(sampler.sample(at(6, { rttMs: 3100 }), 6000, talking).rttMs).toBe(3100);
    expect(sampler.sample(at(7), 7000, talking).rttMs).toBe(20);
  });

  it('checks answered within the second, or unanswered while nothing arrives (a cut line, not a slow one), add nothing', () => {
    const sampler = new QualitySampler();
    let live;
    // One check every 2.5 s, answered at once.
    for (let n = 1; n <= 8; n++) live = sampler.sample(at(n, { checksSent: Math.floor(n / 2.5), checksAnswered: Math.floor(n / 2.5) }), n * 1000, talking);
    expect(live).toMatchObject({ rttMs: 20, warnings: [] });
    const cut = new QualitySampler();
    cut.sample(at(1), 1000, talking);
    for (let n = 2; n <= 6; n++) live = cut.sample(at(n, { packetsReceived: 50, checksAnswered: 1 }), n * 1000, talking);
    expect(live!.rttMs).toBe(20);
    expect(live!.warnings.map((w) => w.kind)).not.toContain('rtt');
  });
});
