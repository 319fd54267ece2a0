import { describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../../src-shared/contract';
import { EventBus } from '../../app/event-bus';

const electron = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, request: unknown) => unknown>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, request: unknown) => unknown) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));
const { forwardEvents, handleContractRequests, senderOf } = await import('./ipc');

describe('Electron IPC', () => {
  it('handles exactly the contract request channels and hands the router the sender it established', async () => {
    const router = vi.fn(async () => ({ ok: true as const, result: null }));
    const stop = handleContractRequests(router);
    expect([...electron.handlers.keys()].sort()).toEqual([...requestChannels].sort());

    const event = { senderFrame: { url: 'app://agent-desktop/index.html' } };
    await electron.handlers.get('answerCall')!(event, { callId: 'c1' });
    expect(router).toHaveBeenLastCalledWith('answerCall', { callId: 'c1' }, { trusted: true, description: 'app://agent-desktop/index.html' });

    stop();
    expect(electron.handlers.size).toBe(0);
  });

  it('trusts only live frames showing an app page', () => {
    expect(senderOf({ senderFrame: { url: 'app://agent-desktop/index.html' } } as never).trusted).toBe(true);
    for (const url of ['https://evil.example/', 'app://agent-desktop.evil/', 'file:///tmp/index.html', 'about:blank', '']) {
      const sender = senderOf({ senderFrame: { url } } as never);
      expect(sender.trusted, url).toBe(false);
      expect(sender.description).toContain('a page at');
    }
    expect(senderOf({ senderFrame: null } as never)).toEqual({ trusted: false, description: 'a frame that has already gone away' });
  });

  it('forwards each event to the window as (eventName, payload) until unsubscribed or destroyed', () => {
    const bus = new EventBus();
    const contents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    const stop = forwardEvents(bus, contents as never);
    const status = { connection: 'connected' as const, registered: true, reason: null, reasonCode: null, retryAt: null, extension: '1001', server: 'ws://127.0.0.1:5066', since: 1 };
    bus.emit('softphoneStatusChanged', status);
    expect(contents.send).toHaveBeenCalledWith('softphoneStatusChanged', status);

    contents.isDestroyed.mockReturnValue(true);
    bus.emit('softphoneStatusChanged', status);
    expect(contents.send).toHaveBeenCalledTimes(1);

    contents.isDestroyed.mockReturnValue(false);
    stop();
    bus.emit('softphoneStatusChanged', status);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
