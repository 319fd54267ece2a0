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
  holdCall: (request) => ipcRenderer.invoke('holdCall', request),
  pauseRecording: (request) => ipcRenderer.invoke('pauseRecording', request),
  muteCall: (request) => ipcRenderer.invoke('muteCall', request),
  sendDtmf: (request) => ipcRenderer.invoke('sendDtmf', request),
  transferCall: (request) => ipcRenderer.invoke('transferCall', request),
  consultCall: (request) => ipcRenderer.invoke('consultCall', request),
  completeTransfer: (request) => ipcRenderer.invoke('completeTransfer', request),
  dial: (request) => ipcRenderer.invoke('dial', request),
  createCustomer: (request) => ipcRenderer.invoke('createCustomer', request),
  getAgentState: (request) => ipcRenderer.invoke('getAgentState', request),
  setAgentState: (request) => ipcRenderer.invoke('setAgentState', request),
  extendAfterCallWork: (request) => ipcRenderer.invoke('extendAfterCallWork', request),
  setDisposition: (request) => ipcRenderer.invoke('setDisposition', request),
  finishAfterCallWork: (request) => ipcRenderer.invoke('finishAfterCallWork', request),
  setNextAgentState: (request) => ipcRenderer.invoke('setNextAgentState', request),
  reportNetworkChange: (request) => ipcRenderer.invoke('reportNetworkChange', request),
  mediaResult: (request) => ipcRenderer.invoke('mediaResult', request),
  reportCallQuality: (request) => ipcRenderer.invoke('reportCallQuality', request),
  setDemoBadNetwork: (request) => ipcRenderer.invoke('setDemoBadNetwork', request),
  startConnectionTest: (request) => ipcRenderer.invoke('startConnectionTest', request),
  reportLiveQuality: (request) => ipcRenderer.invoke('reportLiveQuality', request),
  reportConnectionTest: (request) => ipcRenderer.invoke('reportConnectionTest', request),
  getFloor: (request) => ipcRenderer.invoke('getFloor', request),
  getReport: (request) => ipcRenderer.invoke('getReport', request),
  monitorAgent: (request) => ipcRenderer.invoke('monitorAgent', request),
  getSettings: (request) => ipcRenderer.invoke('getSettings', request),
  saveSettings: (request) => ipcRenderer.invoke('saveSettings', request),
  // Workspace panels (knowledge, replies, work orders).
  searchKb: (request) => ipcRenderer.invoke('searchKb', request),
  suggestKb: (request) => ipcRenderer.invoke('suggestKb', request),
  getKbArticle: (request) => ipcRenderer.invoke('getKbArticle', request),
  markKbHelped: (request) => ipcRenderer.invoke('markKbHelped', request),
  listTemplates: (request) => ipcRenderer.invoke('listTemplates', request),
  getTeamCoachRules: (request) => ipcRenderer.invoke('getTeamCoachRules', request),
  getWorkOrderSettings: (request) => ipcRenderer.invoke('getWorkOrderSettings', request),
  saveWorkOrderDraft: (request) => ipcRenderer.invoke('saveWorkOrderDraft', request),
  getWorkOrderDraft: (request) => ipcRenderer.invoke('getWorkOrderDraft', request),
  discardWorkOrderDraft: (request) => ipcRenderer.invoke('discardWorkOrderDraft', request),
  submitWorkOrder: (request) => ipcRenderer.invoke('submitWorkOrder', request),
  listWorkOrders: (request) => ipcRenderer.invoke('listWorkOrders', request),
  setWorkOrderStatus: (request) => ipcRenderer.invoke('setWorkOrderStatus', request),
  listDueFollowUps: (request) => ipcRenderer.invoke('listDueFollowUps', request),
  completeFollowUp: (request) => ipcRenderer.invoke('completeFollowUp', request),
  claimWorkOrder: (request) => ipcRenderer.invoke('claimWorkOrder', request),
  getSyncStatus: (request) => ipcRenderer.invoke('getSyncStatus', request),
  listSyncDecisions: (request) => ipcRenderer.invoke('listSyncDecisions', request),
  acceptSyncDecision: (request) => ipcRenderer.invoke('acceptSyncDecision', request),
  getTeamDesktops: (request) => ipcRenderer.invoke('getTeamDesktops', request),
  getTeamSession: (request) => ipcRenderer.invoke('getTeamSession', request),
  listTeamMembers: (request) => ipcRenderer.invoke('listTeamMembers', request),
  assignWorkOrder: (request) => ipcRenderer.invoke('assignWorkOrder', request),
  signInTeam: (request) => ipcRenderer.invoke('signInTeam', request),
  signOutTeam: (request) => ipcRenderer.invoke('signOutTeam', request),
  searchRecordings: (request) => ipcRenderer.invoke('searchRecordings', request),
  getRecordingAudio: (request) => ipcRenderer.invoke('getRecordingAudio', request),
  findCallRecordings: (request) => ipcRenderer.invoke('findCallRecordings', request),
  onSoftphoneStatusChanged: (listener) => subscribe('softphoneStatusChanged', listener),
  onIncomingCall: (listener) => subscribe('incomingCall', listener),
  onCallUpdated: (listener) => subscribe('callUpdated', listener),
  onAgentStateChanged: (listener) => subscribe('agentStateChanged', listener),
  onFollowUpsDue: (listener) => subscribe('followUpsDue', listener),
  onMediaCommand: (listener) => subscribe('mediaCommand', listener),
  onFloorChanged: (listener) => subscribe('floorChanged', listener),
  onSyncStatusChanged: (listener) => subscribe('syncStatusChanged', listener),
  onTeamWorkChanged: (listener) => subscribe('teamWorkChanged', listener),
  onPublishedListsChanged: (listener) => subscribe('publishedListsChanged', listener),
};

contextBridge.exposeInMainWorld('agentDesktop', api);
