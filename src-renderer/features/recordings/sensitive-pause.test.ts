import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordingState } from '../../../src-shared/domain/call';
import { SensitivePause, type SensitivePauseView } from './sensitive-pause';

/** The PBX as the controller sees it: each request answered when the test says so. */
function pbx() {
  const asked: Array<{ paused: boolean; answer: (s: RecordingState | null) => void }> = [];
  return {
    asked,
    pause: (_callId: string, paused: boolean) => new Promise<RecordingState | null>((answer) => asked.push({ paused, answer })),
  };
}

const call = { callId: 'c1', recording: 'on' as RecordingState };
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('auto-pause on a sensitive field', () => {
  let views: SensitivePauseView[];
  let phone: ReturnType<typeof pbx>;
  let pause: SensitivePause;
  beforeEach(() => {
    vi.useFakeTimers();
    views = [];
    phone = pbx();
    pause = new SensitivePause(
      { pause: phone.pause, now: () => Date.now(), setTimer: (f, ms) => setTimeout(f, ms), clearTimer: (t) => clearTimeout(t as number), changed: (v) => views.push(v) },
      () => 60,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('shows paused only once the PBX confirms, then resumes when the agent leaves the field', async () => {
    pause.focus(call);
    expect(pause.current).toEqual({ state: 'pausing' });
    phone.asked[0]!.answer('paused');
    await flush();
    expect(pause.current).toEqual({ state: 'paused', resumeAt: Date.now() + 60_000 });
    pause.blur();
    expect(phone.asked[1]!.paused).toBe(false);
    phone.asked[1]!.answer('on');
    await flush();
    expect(pause.current).toEqual({ state: 'idle' });
  });

  it('pauses again when she comes back to the field before the PBX confirmed the resume', async () => {
    pause.focus(call);
    phone.asked[0]!.answer('paused');
    await flush();
    pause.blur();
    // The call bar says what the PBX last confirmed: the resume is on its way.
    pause.focus({ ...call, recording: 'resuming' });
    phone.asked[1]!.answer('on');
    await flush();
    expect(phone.asked.map((a) => a.paused)).toEqual([true, false, true]);
    expect(pause.current).toEqual({ state: 'pausing' });
    phone.asked[2]!.answer('paused');
    await flush();
    expect(pause.current).toMatchObject({ state: 'paused' });
  });

  it('resumes by itself when the countdown runs out, and says so until she leaves the field', async () => {
    pause.focus(call);
    phone.asked[0]!.answer('paused');
    await flush();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(phone.asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(phone.asked[1]!.paused).toBe(false);
    phone.asked[1]!.answer('on');
    await flush();
    expect(pause.current).toEqual({ state: 'resumed-by-countdown' });
    pause.blur();
    expect(pause.current).toEqual({ state: 'idle' });
    expect(phone.asked).toHaveLength(2);
  });

  it('counts from the configured seconds', async () => {
    const short = new SensitivePause({ pause: phone.pause, now: () => Date.now(), setTimer: (f, ms) => setTimeout(f, ms), clearTimer: (t) => clearTimeout(t as number), changed: () => undefined }, () => 15);
    short.focus(call);
    phone.asked[0]!.answer('paused');
    await flush();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(phone.asked[1]!.paused).toBe(false);
  });

  it('leaving the field while the PBX is still answering resumes as soon as the pause is confirmed', async () => {
    pause.focus(call);
    pause.blur();
    phone.asked[0]!.answer('paused');
    await flush();
    expect(phone.asked[1]!.paused).toBe(false);
  });

  it("never touches a call that is not recorded or that the agent paused herself", async () => {
    pause.focus({ callId: 'c1', recording: 'off' });
    pause.focus({ callId: 'c1', recording: 'paused' });
    pause.blur();
    pause.focus(null);
    expect(phone.asked).toHaveLength(0);
    expect(views).toEqual([]);
  });

  it('a refused pause is not shown as paused and starts no countdown', async () => {
    pause.focus(call);
    phone.asked[0]!.answer(null);
    await flush();
    expect(pause.current).toEqual({ state: 'idle' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(phone.asked).toHaveLength(1);
  });

  it('the call ending stops the countdown', async () => {
    pause.focus(call);
    phone.asked[0]!.answer('paused');
    await flush();
    pause.callGone();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(phone.asked).toHaveLength(1);
    expect(pause.current).toEqual({ state: 'idle' });
  });
});
