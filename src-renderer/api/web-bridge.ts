import {
  eventChannels,
  requestChannels,
  subscriberName,
  type BridgeApi,
  type EventChannel,
  type Reply,
} from '../../src-shared/contract';
import { WIRE_PATH, WIRE_PROTOCOL_PREFIX, WireMessage } from '../../src-shared/wire';
import { reconnectDelayMs, type ShellLink } from './shell-link';

type Pending = (reply: Reply<unknown>) => void;

export interface WebShellBridge {
  api: BridgeApi;
  link(): ShellLink;
  onLinkChange(listener: (link: ShellLink) => void): () => void;
}

const NOT_CONNECTED = 'Not connected to Agent Desktop; nothing was sent.';
const LOST = 'The connection to Agent Desktop was lost before the answer came; check whether it was done.';

/**
 * The web shell's side of the contract: the same BridgeApi the Electron preload exposes, carried over a
 * WebSocket to 127.0.0.1 that presents the session secret. A lost link is retried with backoff; while it is
 * down every request fails at once (the agent sees why) instead of waiting for an answer that cannot come.
 * `secret` resolves to null when this window has no way in (no one-time code, none stored).
 */
export function createWebSocketBridge(origin: string, secret: () => Promise<string | null>): WebShellBridge {
  const wsUrl = `${origin.replace(/^http/, 'ws')}${WIRE_PATH}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(link: ShellLink) => void>();
  let link: ShellLink = { state: 'connecting' };
  let socket: WebSocket | null = null;
  let everOpen = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  // Requests made while the page first loads wait for the first answer from the shell, not for ever.
  let settleFirst: () => void = () => {};
  const firstSettled = new Promise<void>((resolve) => (settleFirst = resolve));

  const setLink = (next: ShellLink) => {
    link = next;
    if (next.state !== 'connecting') settleFirst();
    for (const listener of linkListeners) listener(next);
  };

  const failPending = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'UNAVAILABLE', message } });
    pending.clear();
  };

  const onMessage = (message: MessageEvent) => {
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    const parsed = WireMessage.safeParse(data);
    if (!parsed.success) return;
    const m = parsed.data;
    if ('event' in m) {
      for (const listener of listeners.get(m.event) ?? []) listener(m.payload);
    } else if (m.id !== null) {
      const resolve = pending.get(m.id);
      pending.delete(m.id);
      resolve?.(m.ok ? { ok: true, result: m.result } : { ok: false, error: m.error });
    }
  };

  // A socket that never opened is a refusal only if the shell was already up when it was tried: one that failed
  // while the shell was down (or still starting) and found it up a moment later is tried once more at once.
  let confirmingRefusal = false;

  const scheduleRetry = () => {
    confirmingRefusal = false;
    const retryInMs = reconnectDelayMs(attempt++);
    setLink({ state: 'lost', retryInMs });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), retryInMs);
  };

  /** A WebSocket refused by a shell that is up means the secret is not this shell's: retrying will not help. */
  const shellIsUp = () =>
    fetch(`${origin}/`, { method: 'HEAD', cache: 'no-store' }).then(
      (r) => r.ok,
      () => false,
    );

  async function connect(): Promise<void> {
    clearTimeout(retryTimer);
    const key = await secret();
    if (!key) return setLink({ state: 'refused' });
    if (everOpen) setLink({ state: 'connecting' });
    const ws = new WebSocket(wsUrl, [`${WIRE_PROTOCOL_PREFIX}${key}`]);
    socket = ws;
    let opened = false;
    ws.addEventListener('message', onMessage);
    ws.addEventListener('open', () => {
      // A socket another try has replaced (a network-back event tried at once) has no say over the link.
      if (socket !== ws) return ws.close();
      opened = true;
      attempt = 0;
      confirmingRefusal = false;
      const reconnected = everOpen;
      everOpen = true;
      setLink({ state: 'open', reconnected });
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      failPending(LOST);
      if (!opened) {
        void shellIsUp().then((up) => {
          if (!up) return scheduleRetry();
          if (confirmingRefusal) return setLink({ state: 'refused' });
          confirmingRefusal = true;
          void connect();
        });
      } else {
        scheduleRetry();
      }
    });
  }

  // The network coming back (VPN, Wi-Fi) is worth a try at once rather than at the end of the backoff.
  window.addEventListener('online', () => {
    if (link.state === 'lost') void connect();
  });
  void connect();

  const request = async (channel: string, payload: unknown): Promise<Reply<unknown>> => {
    if (link.state === 'connecting' && !everOpen) await firstSettled;
    if (link.state !== 'open' || !socket || socket.readyState !== WebSocket.OPEN) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: NOT_CONNECTED } };
    }
    const id = nextId++;
    const ws = socket;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, payload }));
    });
  };
  const subscribe = (event: EventChannel) => (listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };

  const api: Record<string, unknown> = {};
  for (const channel of requestChannels) api[channel] = (payload: unknown) => request(channel, payload);
  for (const event of eventChannels) api[subscriberName(event)] = subscribe(event);
  return {
    api: api as BridgeApi,
    link: () => link,
    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };
}
