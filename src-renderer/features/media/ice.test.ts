import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatheredDescription } from './ice';

/** A peer connection's gathering side only: state, description and the state-change event. */
class FakeGathering extends EventTarget {
  iceGatheringState = 'gathering';
  localDescription: { sdp: string } | null = { sdp: 'v=0 host-candidate' };
  finish() {
    this.iceGatheringState = 'complete';
    this.localDescription = { sdp: 'v=0 all-candidates' };
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

describe('gatheredDescription: ICE gathering capped', () => {
  afterEach(() => vi.useRealTimers());

  it('returns as soon as gathering completes', async () => {
    vi.useFakeTimers();
    const pc = new FakeGathering();
    const sdp = gatheredDescription(pc, 1500);
    await vi.advanceTimersByTimeAsync(40);
    pc.finish();
    await expect(sdp).resolves.toBe('v=0 all-candidates');
  });

  it('goes out with what it has after the cap when gathering hangs (a dead STUN server)', async () => {
    vi.useFakeTimers();
    const pc = new FakeGathering();
    let settled = false;
    const sdp = gatheredDescription(pc, 1500).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(sdp).resolves.toBe('v=0 host-candidate');
  });

  it('does not wait at all when gathering was already complete', async () => {
    const pc = new FakeGathering();
    pc.iceGatheringState = 'complete';
    await expect(gatheredDescription(pc, 60_000)).resolves.toBe('v=0 host-candidate');
  });
});
