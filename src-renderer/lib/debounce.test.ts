import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments after the quiet time', () => {
    const run = vi.fn();
    const d = debounce(run, 200);
    d('a');
    vi.advanceTimersByTime(150);
    d('ab');
    vi.advanceTimersByTime(199);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledExactlyOnceWith('ab');
  });

  it('flushes a pending call at once, and cancel drops it', () => {
    const run = vi.fn();
    const d = debounce(run, 200);
    d(1);
    d.flush();
    expect(run).toHaveBeenCalledExactlyOnceWith(1);
    d(2);
    d.cancel();
    vi.advanceTimersByTime(500);
    d.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
