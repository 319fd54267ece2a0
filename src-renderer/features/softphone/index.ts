export { useWorkspace } from './store';
export {
  connectWorkspace,
  answer,
  decline,
  hangUp,
  hold,
  mute,
  goReady,
  goNotReady,
  extendAfterCallWork,
  chooseDisposition,
  finishAfterCallWork,
  sendDigits,
  blindTransfer,
  consult,
  completeTransfer,
  dial,
} from './actions';
