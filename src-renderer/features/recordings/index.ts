export { RecordingsButton, RecordingsDialog } from './RecordingsDialog';
export { playRecording } from './actions';
export { SensitiveInput } from './SensitiveInput';
export { RecordingLink } from './RecordingLink';
