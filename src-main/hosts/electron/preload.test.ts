import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannels, requestChannels, subscriberName, type BridgeApi } from '../../../src-shared/contract';

type Receive = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, result: { channel, request } })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Receive) => {
      const set = electron.listeners.get(channel) ?? new Set<Receive>();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Receive) => electron.listeners.get(channel)?.delete(listener),
  },
}));

function emit(channel: string, payload: unknown): void {
  const ipcRendererEvent = { sender: { send() {} }, senderId: 0, ports: [] };
  for (const listener of electron.listeners.get(channel) ?? []) listener(ipcRendererEvent, payload);
}

describe('preload', () => {
  let api: BridgeApi;
  beforeAll(async () => {
    await import('./preload');
    api = electron.exposed.get('agentDesktop') as BridgeApi;
  });

  it('exposes only window.agentDesktop', () => {
    expect([...electron.exposed.keys()]).toEqual(['agentDesktop']);
  });

  it('exposes exactly one named function per request channel and one subscription per event', () => {
    const expected = [...requestChannels, ...eventChannels.map((event) => subscriberName(event))].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const key of expected) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    for (const generic of ['send', 'invoke', 'on', 'ipcRenderer', 'require']) expect(api).not.toHaveProperty(generic);
  });

  it('invokes each request on its own channel with the request unchanged', async () => {
    for (const channel of requestChannels) {
      const call = api[channel] as (request: unknown) => Promise<unknown>;
      const request = { callId: 'c1' };
      await expect(call(request)).resolves.toEqual({ ok: true, result: { channel, request } });
      expect(electron.invoke).toHaveBeenLastCalledWith(channel, request);
    }
  });

  it('passes a listener the payload only, never the IpcRendererEvent, until it unsubscribes', () => {
    for (const event of eventChannels) {
      const listener = vi.fn();
      const subscribe = api[subscriberName(event)] as (l: (payload: unknown) => void) => () => void;
      const unsubscribe = subscribe(listener);
      const payload = { event, n: 1 };
      emit(event, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([payload]);

      unsubscribe();
      emit(event, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(electron.listeners.get(event)?.size ?? 0).toBe(0);
    }
  });

  it('keeps events apart: a subscriber hears only its own event', () => {
    const listener = vi.fn();
    const unsubscribe = api.onIncomingCall(listener);
    emit('callUpdated', { other: true });
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });
});
