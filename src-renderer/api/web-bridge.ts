import {
  eventChannels,
  requestChannels,
  subscriberName,
  type BridgeApi,
  type EventChannel,
  type Reply,
} from '../../src-shared/contract';
import { WIRE_PATH, WIRE_PROTOCOL_PREFIX, WireMessage } from '../../src-shared/wire';

type Pending = (reply: Reply<unknown>) => void;

/**
 * The web shell's side of the contract: the same BridgeApi the Electron preload exposes, carried over a
 * WebSocket to 127.0.0.1 that presents this launch's token.
 */
export function createWebSocketBridge(origin: string, token: string): BridgeApi {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${WIRE_PATH}`, [`${WIRE_PROTOCOL_PREFIX}${token}`]);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('close', () => reject(new Error('The connection to Agent Desktop was refused or lost.')), { once: true });
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const parsed = WireMessage.safeParse(JSON.parse(String(message.data)));
    if (!parsed.success) return;
    const m = parsed.data;
    if ('event' in m) {
      for (const listener of listeners.get(m.event) ?? []) listener(m.payload);
    } else if (m.id !== null) {
      const resolve = pending.get(m.id);
      pending.delete(m.id);
      resolve?.(m.ok ? { ok: true, result: m.result } : { ok: false, error: m.error });
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'The connection to Agent Desktop was lost.' } });
    }
    pending.clear();
  });

  const request = async (channel: string, payload: unknown): Promise<Reply<unknown>> => {
    try {
      await opened;
    } catch (err) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: (err as Error).message } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, payload }));
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
  return api as BridgeApi;
}
