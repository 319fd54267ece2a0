export { connectMedia } from './connect';
export { AudioStatus, DeviceChoices, DevicesPanel, MediaNoticeBanner } from './MediaControls';
export { useMedia } from './store';
