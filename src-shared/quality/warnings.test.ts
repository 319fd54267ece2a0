import { describe, expect, it } from 'vitest';
import { QUALITY_SAMPLE_MS } from './sampling';
import { CallQualityTally } from './summary';
import { QualityJudge, type QualitySample, type QualityWarning } from './warnings';

/**
 * A clean second of a call: 40 ms RTT, 5 ms jitter, no loss, audio both ways, a speaking microphone, and a consent
 * check answered every 3 s (none asked in between, as on a quiet path).
 */
function clean(at: number, over: Partial<QualitySample> = {}): QualitySample {
  return {
    at,
    rttMs: 40,
    jitterMs: 5,
    lossPct: 0,
    mos: 4.39,
    receivedAudio: true,
    sentAudio: true,
    micLevel: at % 2000 === 0 ? 0.1 : 0.2,
    checksAnswered: at % 3000 === 0 ? true : null,
    ...over,
  };
}

/** Feeds one sample a second (t = 0, 1000, …) and returns the warning kinds standing after each. */
function run(samples: ((at: number) => QualitySample)[]): string[][] {
  const judge = new QualityJudge();
  return samples.map((make, i) => judge.add(make(i * 1000)).map((w) => `${w.kind}:${w.side}`));
}

const jittery = (at: number) => clean(at, { jitterMs: 45 });
const c = (at: number) => clean(at);

describe('QualityJudge', () => {
  it('a clean call raises nothing', () => {
    expect(run(Array(30).fill(c)).flat()).toEqual([]);
  });

  it('raises jitter on the 3rd bad of 5 samples, not on one or two spikes', () => {
    // bad, good, bad, good, good, bad: never more than 2 bad in any last five ([good, bad, good, good, bad] at t=5).
    expect(run([jittery, c, jittery, c, c, jittery]).flat()).toEqual([]);
    // bad, good, bad, bad: the 4th sample makes 3 of 4.
    const seen = run([jittery, c, jittery, jittery]);
    expect(seen.map((w) => w.length)).toEqual([0, 0, 0, 1]);
    expect(seen[3]).toEqual(['jitter:agent']);
  });

  it('clears only after 5 s of good samples, so it does not flicker', () => {
    // bad at 0,1,2 (raised at 2 s); good at 3..7: the last bad was at 2 s, cleared at 7 s (5 s later).
    const seen = run([jittery, jittery, jittery, c, c, c, c, c, c]);
    expect(seen.map((w) => w.length)).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0]);
    // One bad sample while raised starts the 5 s again.
    const again = run([jittery, jittery, jittery, c, c, c, jittery, c, c, c, c, c]);
    expect(again.map((w) => w.length)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('each network threshold is strict: exactly at the limit is fine', () => {
    const at = (over: Partial<QualitySample>) => Array(3).fill((t: number) => clean(t, over)) as ((t: number) => QualitySample)[];
    expect(run(at({ rttMs: 400, jitterMs: 30, lossPct: 1, mos: 3.5 })).flat()).toEqual([]);
    expect(run(at({ rttMs: 401 })).at(-1)).toEqual(['rtt:agent']);
    expect(run(at({ lossPct: 1.2 })).at(-1)).toEqual(['loss:agent']);
    expect(run(at({ mos: 3.4 })).at(-1)).toEqual(['mos:agent']);
  });

  it('no audio arriving for 3 s while ours leaves is on the caller side', () => {
    const silent = (at: number) => clean(at, { receivedAudio: false });
    // audio until 1 s; silent from 2 s: 3 s without audio at 4 s (last audio at 1 s).
    const seen = run([c, c, silent, silent, silent, c, c, c, c, c]);
    expect(seen.map((w) => w.join())).toEqual(['', '', '', '', 'no-audio-in:caller', 'no-audio-in:caller', 'no-audio-in:caller', 'no-audio-in:caller', 'no-audio-in:caller', '']);
  });

  it('nothing leaving for 3 s is the agent side, and then silence coming back is hers too', () => {
    const dead = (at: number) => clean(at, { receivedAudio: false, sentAudio: false });
    expect(run([c, dead, dead, dead, dead]).at(-1)).toEqual(['no-audio-in:agent', 'no-audio-out:agent']);
  });

  it("no audio arriving while the PBX stops answering her checks is her side (her network's way out is cut)", () => {
    // From 1 s nothing arrives and every check goes unanswered (the last answer was at 0 s).
    const cut = (at: number) => clean(at, { receivedAudio: false, checksAnswered: false });
    const seen = run([c, cut, cut, cut, cut, cut]);
    // Silence raised at 3 s after the last audio (0 s); the checks unanswered for 3 s by then too: hers, not the caller's.
    expect(seen.map((w) => w.join())).toEqual(['', '', '', 'no-audio-in:agent', 'no-audio-in:agent', 'no-audio-in:agent']);
  });

  it('once hers, a silence stays hers while it clears, even after the checks are answered again', () => {
    const cut = (at: number) => clean(at, { receivedAudio: false, checksAnswered: false });
    // Back at 6 s: the checks are answered at once, the caller's audio (an echo of hers) arrives a second later.
    const answered = (at: number) => clean(at, { receivedAudio: false, checksAnswered: true });
    const back = (at: number) => clean(at, { checksAnswered: true });
    const seen = run([c, cut, cut, cut, cut, cut, answered, back, back, back, back, back]);
    // The cut ends after 5 s, the silence after 6 s: at 10 s only the silence stands, still hers; it clears at 11 s.
    expect(seen.slice(3).map((w) => w.join())).toEqual([...Array(8).fill('no-audio-in:agent'), '']);
  });

  it('a check whose answer is still on its way is not a cut: the silence stays on the caller side', () => {
    // Checks every 3 s: one asked at 3 s is answered in the next sample; nothing arrives from the caller from 1 s.
    const silent = (at: number) => clean(at, { receivedAudio: false, checksAnswered: at === 3000 ? false : at === 4000 ? true : null });
    expect(run([c, silent, silent, silent, silent, silent, silent]).at(-1)).toEqual(['no-audio-in:caller']);
  });

  it('on hold (silence expected) raises no one-way warning', () => {
    const held = (at: number) => clean(at, { receivedAudio: null, sentAudio: null });
    expect(run(Array(10).fill(held)).flat()).toEqual([]);
  });

  it('a microphone level that does not move for 10 s is flagged; muted is not', () => {
    const dead = (at: number) => clean(at, { micLevel: 0 });
    const seen = run(Array(12).fill(dead));
    // The level is first seen at 0 s; still unchanged at 10 s.
    expect(seen.map((w) => w.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(seen[10]).toEqual(['mic-flat:agent']);
    const muted = (at: number) => clean(at, { micLevel: null });
    expect(run(Array(15).fill(muted)).flat()).toEqual([]);
  });
});

describe('CallQualityTally', () => {
  it('averages MOS, keeps the worst values, counts seconds with a warning and one-way audio', () => {
    const judge = new QualityJudge();
    const tally = new CallQualityTally();
    const samples = [
      clean(0, { mos: 4.4 }),
      clean(1000, { mos: 4.0, jitterMs: 12 }),
      clean(2000, { mos: 3.0, lossPct: 2.5, receivedAudio: false }),
      clean(3000, { mos: 3.2, receivedAudio: false }),
      clean(4000, { mos: 4.2, receivedAudio: false }),
    ];
    let warned: QualityWarning[] = [];
    for (const s of samples) tally.add(s, (warned = judge.add(s)));
    expect(warned.map((w) => w.kind)).toEqual(['no-audio-in']);
    // avg MOS = (4.4 + 4.0 + 3.0 + 3.2 + 4.2) / 5 = 18.8 / 5 = 3.76; worst 3.0; jitter max(5, 12) = 12; loss 2.5;
    // one warning second (t = 4 s, 3 s after the last audio at 1 s).
    expect(tally.summary()).toEqual({ avgMos: 3.76, worstMos: 3, worstJitterMs: 12, worstLossPct: 2.5, warningSeconds: 1, oneWayAudio: true, samples: 5 });
  });

  it('counts seconds with a warning as time, not samples: twice a second, and a gap in sampling adds no warning time', () => {
    const judge = new QualityJudge();
    const tally = new CallQualityTally();
    // Jitter over 30 ms for the first 3 samples (raised at the 3rd, 1 s), good after: it stands until 6 s (5 s after
    // the last bad one), 10 samples of half a second.
    for (let n = 0; n <= 16; n++) {
      const s = clean(n * QUALITY_SAMPLE_MS, { jitterMs: n < 3 ? 45 : 5 });
      tally.add(s, judge.add(s));
    }
    expect(tally.summary()).toMatchObject({ warningSeconds: 5, samples: 17 });
    // Raised again, then sampling pauses for a minute (the window asleep): the gap counts one second at most.
    const again = new CallQualityTally();
    const judged = new QualityJudge();
    const at = [0, 500, 1000, 61_000, 61_500];
    for (const t of at) {
      const s = clean(t, { jitterMs: 45 });
      again.add(s, judged.add(s));
    }
    // Standing after 1 s (0.5 s), 61 s (capped at 2 × 0.5 s) and 61.5 s (0.5 s): 2 s.
    expect(again.summary().warningSeconds).toBe(2);
  });

  it('a call with no samples has no scores', () => {
    expect(new CallQualityTally().summary()).toEqual({ avgMos: null, worstMos: null, worstJitterMs: null, worstLossPct: null, warningSeconds: 0, oneWayAudio: false, samples: 0 });
  });
});
