import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkKeepalive } from './keepalive';

/** A probe the test answers by hand: each call returns a promise the test settles. */
function manualProbe() {
  const pending: ((alive: boolean) => void)[] = [];
  const probe = vi.fn(() => new Promise<boolean>((resolve) => pending.push(resolve)));
  return { probe, answer: (i: number, alive: boolean) => pending[i]!(alive) };
}

describe('LinkKeepalive: probes are tagged with their connection', () => {
  const keepalives: LinkKeepalive[] = [];
  afterEach(() => keepalives.splice(0).forEach((k) => k.stop()));
  const keepalive = (probe: () => Promise<boolean>, onDead: (c: number) => void) => {
    const k = new LinkKeepalive(probe, { intervalMs: 60_000, timeoutMs: 1000 }, onDead);
    keepalives.push(k);
    return k;
  };

  it('a probe sent on the old connection that times out after a reconnect does not drop the new one', async () => {
    const { probe, answer } = manualProbe();
    const onDead = vi.fn();
    const k = keepalive(probe, onDead);
    k.start(1);
    const oldCheck = k.check();
    // The link drops and comes back while that probe is still out.
    k.stop();
    k.start(2);
    answer(0, false);
    await oldCheck;
    expect(onDead).not.toHaveBeenCalled();
  });

  it('the new connection is probed at once, without waiting for the old probe to give up', async () => {
    const { probe, answer } = manualProbe();
    const onDead = vi.fn();
    const k = keepalive(probe, onDead);
    k.start(1);
    const oldCheck = k.check();
    k.stop();
    k.start(2);
    const newCheck = k.check();
    expect(probe).toHaveBeenCalledTimes(2);
    answer(1, false);
    await newCheck;
    expect(onDead).toHaveBeenCalledWith(2);
    answer(0, false);
    await oldCheck;
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('an unanswered probe on the current connection reports it dead once', async () => {
    const { probe, answer } = manualProbe();
    const onDead = vi.fn();
    const k = keepalive(probe, onDead);
    k.start(7);
    const check = k.check();
    answer(0, false);
    await check;
    expect(onDead).toHaveBeenCalledTimes(1);
    await k.check();
    expect(probe).toHaveBeenCalledTimes(1);
  });
});
