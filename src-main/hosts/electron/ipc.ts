/**
 * The contract over Electron IPC: one ipcMain.handle per request channel (no channel outside the contract can
 * even be invoked) and every EventBus event forwarded to the window. Validation happens in the router.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { requestChannels, type Reply } from '../../../src-shared/contract';
import type { EventBus } from '../../app/event-bus';
import type { ContractRouter, Sender } from '../../app/router';
import { isAppUrl } from './app-origin';

/** Registers the contract's request channels; returns a function that removes them again. */
export function handleContractRequests(router: ContractRouter): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, request: unknown): Promise<Reply<unknown>> => router(channel, request, senderOf(event)));
  }
  return () => {
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}

/** Sends every event to the window as webContents.send(eventName, payload); returns the unsubscribe function. */
export function forwardEvents(events: EventBus, contents: WebContents): () => void {
  return events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(event, payload);
  });
}

/** Trusted only when the request comes from a live frame showing one of the app's own pages. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): Sender {
  const frame = event.senderFrame;
  if (!frame) return { trusted: false, description: 'a frame that has already gone away' };
  const url = frame.url;
  if (isAppUrl(url)) return { trusted: true, description: url };
  return { trusted: false, description: `a page at ${url.slice(0, 200) || '(no URL)'}` };
}
