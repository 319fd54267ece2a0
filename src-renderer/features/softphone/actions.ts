import type { AgentStateTarget } from '../../../src-shared/domain/agent-state';
import { request, subscribe } from '../../api/client';
import { useWorkspace } from './store';
import { shownError } from '../../i18n/main-error-text';

/** Shows a failed request in the error banner, in the agent's language. */
export function report(err: unknown): void {
  useWorkspace.getState().showError(shownError(err));
}

/** Loads what the main process knows now, then follows its events. Returns the unsubscribe. */
export function connectWorkspace(): () => void {
  const store = useWorkspace.getState();
  const offs = [
    subscribe('softphoneStatusChanged', store.setStatus),
    subscribe('incomingCall', ({ call, screenPop }) => useWorkspace.getState().showCall(call, screenPop)),
    subscribe('callUpdated', (call) => useWorkspace.getState().callUpdated(call)),
    subscribe('agentStateChanged', (state) => useWorkspace.getState().setAgent(state)),
    // The team published other Not Ready reasons or dispositions: the menus offer them at once.
    subscribe('publishedListsChanged', ({ kinds }) => {
      if (kinds.includes('disposition') || kinds.includes('notReadyReason')) void loadAgentSettings();
    }),
    onNetworkBack(),
  ];
  void loadWorkspace();
  return () => offs.forEach((off) => off());
}

/**
 * Reads what the main process knows now. Also run when the web shell's link comes back, since events sent while
 * it was down were lost; an error left by the outage goes away once this has worked.
 */
export async function loadWorkspace(): Promise<void> {
  const store = useWorkspace.getState();
  try {
    store.setInfo(await request('getAppInfo', {}));
    store.setStatus(await request('getSoftphoneStatus', {}));
    const agent = await request('getAgentState', {});
    store.setAgent(agent.state, agent.settings);
    // A reload while a call rings or is active: show it again with its pop.
    const { calls } = await request('listCalls', {});
    const current = calls.find((c) => c.state !== 'ended');
    if (current) store.showCall(current, await request('getScreenPop', { callId: current.callId }));
    if (useWorkspace.getState().error?.code === 'UNAVAILABLE') store.showError(null);
  } catch (err) {
    report(err);
  }
}

async function loadAgentSettings(): Promise<void> {
  try {
    const agent = await request('getAgentState', {});
    useWorkspace.getState().setAgent(agent.state, agent.settings);
  } catch (err) {
    report(err);
  }
}

/** The browser knows first when the network is back; main then checks the SIP link at once. */
function onNetworkBack(): () => void {
  const online = () => void request('reportNetworkChange', { kind: 'online' }).catch(report);
  window.addEventListener('online', online);
  return () => window.removeEventListener('online', online);
}

export const answer = (callId: string) => request('answerCall', { callId }).catch(report);
/** 603 Decline for a call the agent will not take; 486 Busy Here for a waiting call while on another. */
export const decline = (callId: string, code: 486 | 603 = 603) => request('rejectCall', { callId, code }).catch(report);
export const hangUp = (callId: string) => request('hangUpCall', { callId }).catch(report);
export const hold = (callId: string, on: boolean) => request('holdCall', { callId, on }).catch(report);
export const mute = (callId: string, muted: boolean) => request('muteCall', { callId, muted }).catch(report);
export const pauseRecording = (callId: string, paused: boolean) => request('pauseRecording', { callId, paused }).catch(report);
export const goReady = () => request('setAgentState', { state: 'ready' }).catch(report);
export const goNotReady = (reasonCode: string) => request('setAgentState', { state: 'not-ready', reasonCode }).catch(report);
export const extendAfterCallWork = () => request('extendAfterCallWork', {}).catch(report);
export const chooseDisposition = (callId: string, disposition: string) => request('setDisposition', { callId, disposition }).catch(report);
export const finishAfterCallWork = () => request('finishAfterCallWork', {}).catch(report);
export const chooseNextState = (next: AgentStateTarget | null) => request('setNextAgentState', { next }).catch(report);
export const sendDigits = (callId: string, digits: string) => request('sendDtmf', { callId, digits }).catch(report);
export const blindTransfer = (callId: string, target: string) => request('transferCall', { callId, target }).catch(report);

/** Attended transfer, step 1: the customer is held (confirmed) and the consulted party rung. */
export const consult = (callId: string, target: string) =>
  request('consultCall', { callId, target })
    .then((call) => {
      // Its own events may have overtaken this answer with a newer state.
      const s = useWorkspace.getState();
      if (s.consult?.callId !== call.callId) s.callUpdated(call);
    })
    .catch(report);
/** Attended transfer, step 2: the customer and the consulted party are joined; the agent's legs end. */
export const completeTransfer = (callId: string, consultCallId: string) =>
  request('completeTransfer', { callId, consultCallId }).catch(report);
/** Click-to-dial; with the customer on screen, the PBX and the next pop know who it is for. */
export async function dial(number: string, customerId: string | null = null): Promise<void> {
  try {
    const call = await request('dial', { number, customerId, uiLocale: useWorkspace.getState().locale });
    // The call's own events may have overtaken this answer; showCall keeps the newer state then.
    useWorkspace.getState().showCall(call, await request('getScreenPop', { callId: call.callId }));
  } catch (err) {
    report(err);
  }
}
