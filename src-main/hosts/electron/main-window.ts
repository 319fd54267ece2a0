/** The agent's one window: placed where it was last time, shown once painted, loading the app's entry page. */
import type { BrowserWindow } from 'electron';
import type { Logger } from '../../app/logger';
import { APP_ENTRY_URL } from './app-origin';
import { createSecureWindow } from './security';
import type { WindowStateStore } from './window-state';

export function openMainWindow(preload: string, windowState: WindowStateStore, log: Logger): BrowserWindow {
  const placement = windowState.restore();
  const window = createSecureWindow({ ...placement.bounds, title: 'Agent Desktop', backgroundColor: '#ffffff' }, preload);
  windowState.track(window);
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => log.error('the app page did not load', { error: String(err) }));
  return window;
}

/** Brings the window to the front, e.g. when the agent starts the app a second time. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
