import { ContractError } from '../../../src-shared/contract';
import { request, subscribe } from '../../api/client';
import { useWorkspace } from './store';

function report(err: unknown): void {
  const error = err instanceof ContractError ? { code: err.code, message: err.message } : { code: 'FAILED', message: String(err) };
  useWorkspace.getState().showError(error);
}

/** Loads what the main process knows now, then follows its events. Returns the unsubscribe. */
export function connectWorkspace(): () => void {
  const store = useWorkspace.getState();
  const offs = [
    subscribe('softphoneStatusChanged', store.setStatus),
    subscribe('incomingCall', ({ call, screenPop }) => useWorkspace.getState().ringing(call, screenPop)),
    subscribe('callUpdated', (call) => useWorkspace.getState().callUpdated(call)),
  ];
  void (async () => {
    try {
      store.setInfo(await request('getAppInfo', {}));
      store.setStatus(await request('getSoftphoneStatus', {}));
      // A reload while a call rings or is active: show it again with its pop.
      const { calls } = await request('listCalls', {});
      const current = calls.find((c) => c.state !== 'ended');
      if (current) store.ringing(current, await request('getScreenPop', { callId: current.callId }));
    } catch (err) {
      report(err);
    }
  })();
  return () => offs.forEach((off) => off());
}

export const answer = (callId: string) => request('answerCall', { callId }).catch(report);
export const decline = (callId: string) => request('rejectCall', { callId, code: 603 }).catch(report);
export const hangUp = (callId: string) => request('hangUpCall', { callId }).catch(report);
