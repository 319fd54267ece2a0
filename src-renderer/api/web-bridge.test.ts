import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShellLink } from './shell-link';
import { createWebSocketBridge } from './web-bridge';

/** A browser WebSocket the test opens or fails by hand (Node 20 has none). */
class FakeSocket {
  static made: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  private handlers = new Map<string, Array<(e?: unknown) => void>>();
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.made.push(this);
  }
  addEventListener(type: string, handler: (e?: unknown) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  send() {}
  open() {
    this.readyState = FakeSocket.OPEN;
    for (const h of this.handlers.get('open') ?? []) h();
  }
  close() {
    this.readyState = 3;
    for (const h of this.handlers.get('close') ?? []) h();
  }
}

let shellUp: boolean;
let links: ShellLink[];

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function start() {
  const bridge = createWebSocketBridge('http://127.0.0.1:4100', async () => 'a'.repeat(64));
  bridge.onLinkChange((l) => links.push(l));
  return bridge;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.made = [];
  links = [];
  shellUp = true;
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('window', { addEventListener: () => {} });
  vi.stubGlobal('fetch', async () => (shellUp ? { ok: true } : Promise.reject(new Error('ECONNREFUSED'))));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the web shell link', () => {
  it('a try that failed while the shell was down is not taken for a refusal when the shell is up a moment later', async () => {
    const bridge = start();
    await settle();
    FakeSocket.made[0]!.open();
    // The shell is killed: the page says so and tries again later.
    shellUp = false;
    FakeSocket.made[0]!.close();
    expect(bridge.link().state).toBe('lost');
    await vi.runOnlyPendingTimersAsync();
    await settle();
    // That try fails (nothing listens yet), and the restarted shell answers the check made just after.
    shellUp = true;
    FakeSocket.made[1]!.close();
    await settle();
    expect(bridge.link().state).not.toBe('refused');
    expect(FakeSocket.made).toHaveLength(3);
    FakeSocket.made[2]!.open();
    expect(bridge.link()).toEqual({ state: 'open', reconnected: true });
    expect(links.some((l) => l.state === 'refused')).toBe(false);
  });

  it('a shell that is up and refuses the socket twice running is a refusal, and no more tries are made', async () => {
    const bridge = start();
    await settle();
    FakeSocket.made[0]!.close();
    await settle();
    expect(FakeSocket.made).toHaveLength(2);
    FakeSocket.made[1]!.close();
    await settle();
    expect(bridge.link()).toEqual({ state: 'refused' });
    await vi.runAllTimersAsync();
    expect(FakeSocket.made).toHaveLength(2);
  });
});
