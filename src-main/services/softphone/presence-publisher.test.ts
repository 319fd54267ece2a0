import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAgent } from 'sip.js';
import { silentLogger } from '../../app/logger';
import { PresencePublisher } from './presence-publisher';

/** The user agent's request path only: PUBLISHes are held until the test answers them. */
function fakeUa(etag = 'etag-1') {
  const pending: { onAccept(r: unknown): void }[] = [];
  const sent: string[][] = [];
  const ua = {
    isConnected: () => true,
    configuration: { uri: 'sip:1001@pbx' },
    userAgentCore: {
      makeOutgoingRequestMessage: (_m: string, _r: unknown, _f: unknown, _t: unknown, _o: unknown, headers: string[]) => (sent.push(headers), {}),
      request: (_m: unknown, delegate: { onAccept(r: unknown): void }) => pending.push(delegate),
    },
  } as unknown as UserAgent;
  const accept = () => pending.shift()!.onAccept({ message: { getHeader: (h: string) => (h === 'Expires' ? '120' : etag) } });
  return { ua, accept, sent };
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
    void publisher.stop();
    // The withdrawal is out (one timer: the 1 s wait for its answer); the refresh timer is gone.
    expect(vi.getTimerCount()).toBe(1);
  });

  it('withdraws the publication on stop (Expires: 0 with the entity tag), so leads see the agent go offline', async () => {
    const { ua, accept, sent } = fakeUa();
    const publisher = new PresencePublisher(ua, silentLogger);
    publisher.publish('<presence/>');
    accept();
    const stopped = publisher.stop();
    accept();
    await stopped;
    expect(sent.at(-1)).toEqual(['Event: presence', 'Expires: 0', 'SIP-If-Match: etag-1']);
  });

  it('an answer arriving after stop() leaves no timer behind (the app can exit)', () => {
    vi.useFakeTimers();
    const { ua, accept } = fakeUa();
    const publisher = new PresencePublisher(ua, silentLogger);
    publisher.publish('<presence/>');
    void publisher.stop();
    accept();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an oversized, hostile SIP-ETag is cleaned and capped before it goes back to the PBX in SIP-If-Match', async () => {
    const { ua, accept, sent } = fakeUa(`\u202eetag-${'x'.repeat(5000)}`);
    const publisher = new PresencePublisher(ua, silentLogger);
    publisher.publish('<presence/>');
    accept();
    const stopped = publisher.stop();
    accept();
    await stopped;
    expect(sent.at(-1)![2]).toBe(`SIP-If-Match: etag-${'x'.repeat(195)}`);
  });
});
