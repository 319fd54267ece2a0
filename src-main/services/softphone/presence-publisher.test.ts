import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAgent } from 'sip.js';
import { silentLogger } from '../../app/logger';
import { PresencePublisher } from './presence-publisher';

/** The user agent's request path only: PUBLISHes are held until the test answers them. */
function fakeUa() {
  const pending: { onAccept(r: unknown): void }[] = [];
  const ua = {
    isConnected: () => true,
    configuration: { uri: 'sip:1001@pbx' },
    userAgentCore: {
      makeOutgoingRequestMessage: () => ({}),
      request: (_m: unknown, delegate: { onAccept(r: unknown): void }) => pending.push(delegate),
    },
  } as unknown as UserAgent;
  const accept = () => pending.shift()!.onAccept({ message: { getHeader: (h: string) => (h === 'Expires' ? '600' : 'etag-1') } });
  return { ua, accept };
}

describe('PresencePublisher', () => {
  afterEach(() => vi.useRealTimers());

  it('refreshes at 80% of the granted time while running', () => {
    vi.useFakeTimers();
    const { ua, accept } = fakeUa();
    const publisher = new PresencePublisher(ua, silentLogger);
    publisher.publish('<presence/>');
    accept();
    expect(vi.getTimerCount()).toBe(1);
    publisher.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an answer arriving after stop() leaves no timer behind (the app can exit)', () => {
    vi.useFakeTimers();
    const { ua, accept } = fakeUa();
    const publisher = new PresencePublisher(ua, silentLogger);
    publisher.publish('<presence/>');
    publisher.stop();
    accept();
    expect(vi.getTimerCount()).toBe(0);
  });
});
