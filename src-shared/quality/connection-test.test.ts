import { describe, expect, it } from 'vitest';
import { judgeConnection, type EchoReading } from './connection-test';

const second = (over: Partial<EchoReading> = {}): EchoReading => ({ mos: 4.39, rttMs: 20, jitterMs: 5, lossPct: 0, speakerLevel: 0.2, ...over });

describe('judgeConnection', () => {
  it('a clean echo is good, and the microphone was heard', () => {
    expect(judgeConnection([second(), second({ mos: 4.41 }), second({ rttMs: 30 })])).toEqual({
      verdict: 'good',
      mos: 4.4, // (4.39 + 4.41 + 4.39) / 3 = 4.3967 → 4.40
      rttMs: 30,
      jitterMs: 5,
      lossPct: 0,
      micHeard: true,
    });
  });

  it('a good MOS with a measure past its warning line is only fair', () => {
    expect(judgeConnection([second(), second({ lossPct: 2 })]).verdict).toBe('fair');
    expect(judgeConnection([second({ mos: 3.8 })]).verdict).toBe('fair');
  });

  it('under MOS 3.5, or no audio back at all, is poor; a silent echo means the microphone was not heard', () => {
    expect(judgeConnection([second({ mos: 3.4 })]).verdict).toBe('poor');
    const silent = judgeConnection([second({ mos: null, speakerLevel: 0 }), second({ mos: null, speakerLevel: null })]);
    expect(silent).toMatchObject({ verdict: 'poor', mos: null, micHeard: false });
  });
});
