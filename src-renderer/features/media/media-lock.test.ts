import { describe, expect, it } from 'vitest';
import { MEDIA_LOCK, whileHoldingMediaLock, type MediaLocks } from './media-lock';

/** An exclusive Web Lock as the browser grants it: one holder, requests queued in order, withdrawn by their signal. */
class FakeLocks implements MediaLocks {
  private holder: { release: Promise<unknown> } | null = null;
  private readonly queue: { callback: () => unknown; signal?: AbortSignal; done: (v: unknown) => void; fail: (e: unknown) => void }[] = [];

  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown> {
    expect(name).toBe(MEDIA_LOCK);
    const { signal } = options;
    return new Promise((done, fail) => {
      const entry = { callback, signal, done, fail };
      signal?.addEventListener('abort', () => {
        const at = this.queue.indexOf(entry);
        if (at < 0) return; // granted already: aborting no longer releases it
        this.queue.splice(at, 1);
        fail(new DOMException('withdrawn', 'AbortError'));
      });
      this.queue.push(entry);
      this.grantNext();
    });
  }

  private grantNext(): void {
    if (this.holder || this.queue.length === 0) return;
    const next = this.queue.shift()!;
    const release = Promise.resolve(next.callback());
    this.holder = { release };
    void release.then((value) => {
      this.holder = null;
      next.done(value);
      this.grantNext();
    });
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('whileHoldingMediaLock', () => {
  it('serves while holding the lock and hands it on when stopped', async () => {
    const locks = new FakeLocks();
    const serving: string[] = [];
    const serve = (name: string) => () => {
      serving.push(name);
      return () => serving.splice(serving.indexOf(name), 1);
    };
    const stopFirst = whileHoldingMediaLock(locks, serve('first'));
    const stopSecond = whileHoldingMediaLock(locks, serve('second'));
    await settle();
    expect(serving).toEqual(['first']);
    stopFirst();
    await settle();
    expect(serving).toEqual(['second']);
    stopSecond();
    await settle();
    expect(serving).toEqual([]);
  });

  it('a window stopped while still waiting for the lock never takes it: the next one carries the audio', async () => {
    const locks = new FakeLocks();
    const served: string[] = [];
    const serve = (name: string) => () => {
      served.push(name);
      return () => undefined;
    };
    const stopFirst = whileHoldingMediaLock(locks, serve('first'));
    const stopGone = whileHoldingMediaLock(locks, serve('gone'));
    await settle();
    stopGone();
    const stopNext = whileHoldingMediaLock(locks, serve('next'));
    stopFirst();
    await settle();
    expect(served).toEqual(['first', 'next']);
    stopNext();
  });
});
