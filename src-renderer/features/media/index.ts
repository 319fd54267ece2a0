export { connectMedia } from './connect';
export { AudioStatus, DevicesPanel, MediaNoticeBanner } from './MediaControls';
export { useMedia } from './store';
