export { FirstRunScreen } from './FirstRunScreen';
export { SettingsButton, SettingsDialog } from './SettingsDialog';
export { loadSettings } from './actions';
export { useSettings } from './store';
