/** One window of the web shell carries the call audio: the one holding this lock. */
export const MEDIA_LOCK = 'agent-desktop-media';

/** The part of the Web Locks API (navigator.locks) this uses. */
export interface MediaLocks {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/**
 * Runs `serve` while this window holds the media lock (at once when the browser has no Web Locks).
 * Returns how to stop: it stops serving and gives the lock up, or withdraws the request when the lock was not
 * granted yet, so a window gone before its turn never takes the audio from the one that should get it.
 */
export function whileHoldingMediaLock(locks: MediaLocks | undefined, serve: () => () => void): () => void {
  if (!locks) return serve();
  const withdraw = new AbortController();
  let stop = () => {};
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  locks
    .request(MEDIA_LOCK, { signal: withdraw.signal }, () => {
      stop = serve();
      return held;
    })
    // AbortError: the request was withdrawn before it was granted, as asked.
    .catch(() => undefined);
  return () => {
    withdraw.abort();
    stop();
    release();
  };
}
