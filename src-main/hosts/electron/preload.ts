/**
 * The sandboxed preload: exposes window.agentDesktop, one named function per request channel and one named
 * subscription per event, and nothing generic (no send, invoke or on the page could aim at another channel).
 * It is bundled to CommonJS for the sandbox, so it imports only 'electron' and types.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeApi, EventChannel, EventOf } from '../../../src-shared/contract';

/** Registers a listener that receives the payload only, never the IpcRendererEvent (it carries the sender). */
function subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  const receive = (_event: IpcRendererEvent, payload: EventOf<E>) => listener(payload);
  ipcRenderer.on(event, receive);
  return () => {
    ipcRenderer.removeListener(event, receive);
  };
}

const api: BridgeApi = {
  getAppInfo: (request) => ipcRenderer.invoke('getAppInfo', request),
  getSoftphoneStatus: (request) => ipcRenderer.invoke('getSoftphoneStatus', request),
  listCalls: (request) => ipcRenderer.invoke('listCalls', request),
  getScreenPop: (request) => ipcRenderer.invoke('getScreenPop', request),
  answerCall: (request) => ipcRenderer.invoke('answerCall', request),
  rejectCall: (request) => ipcRenderer.invoke('rejectCall', request),
  hangUpCall: (request) => ipcRenderer.invoke('hangUpCall', request),
  onSoftphoneStatusChanged: (listener) => subscribe('softphoneStatusChanged', listener),
  onIncomingCall: (listener) => subscribe('incomingCall', listener),
  onCallUpdated: (listener) => subscribe('callUpdated', listener),
};

contextBridge.exposeInMainWorld('agentDesktop', api);
