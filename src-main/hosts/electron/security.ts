/**
 * Every security default of the Electron host, in one module: sandbox everywhere, the one way windows are made,
 * the Content-Security-Policy, navigation and window.open limits, external links, and permissions.
 */
import {
  app,
  BrowserWindow,
  session,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import type { Logger } from '../../app/logger';
import { isAppUrl } from './app-origin';

/** Sent as a response header with every app page (protocol.ts); the renderer's meta tag can only narrow it. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Links the system browser or mail client may open; anything else (file:, smb:, custom handlers) never leaves the app. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export type WindowFrame = Pick<
  BrowserWindowConstructorOptions,
  'x' | 'y' | 'width' | 'height' | 'minWidth' | 'minHeight' | 'title' | 'backgroundColor' | 'icon'
>;

/**
 * The only way this host makes a window. The webPreferences are written out here, at the constructor, so a
 * reader (and the electronegativity scan, which reads only this literal) sees every one of them in one place.
 */
export function createSecureWindow(frame: WindowFrame, preload: string): BrowserWindow {
  return new BrowserWindow({
    ...frame,
    show: false,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window without going through setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      // The ringtone must ring while the window is hidden or minimised, and before the agent has clicked anything.
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
      devTools: !app.isPackaged,
    },
  });
}

/**
 * Applies every default. Call it before the app is ready (app.enableSandbox must run before ready); it resolves
 * once the default session is locked down, and nothing may be loaded before that.
 */
export async function applySecurity(log: Logger): Promise<void> {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, log);
    hardenSession(contents.session, log);
  });
  await app.whenReady();
  hardenSession(session.defaultSession, log);
}

/** Hands a link to the system browser or mail client, only for http, https and mailto. */
export function openExternalLink(url: string, log: Logger): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) {
    log.warn('security: refused to open a link with a scheme that is not http, https or mailto', { scheme: parsed.protocol });
    return;
  }
  shell.openExternal(parsed.href).catch((err: unknown) => log.warn('security: could not open link', { error: String(err) }));
}

function hardenWebContents(contents: WebContents, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url, log);
    return { action: 'deny' };
  });
  const stayInApp = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`security: blocked ${kind} away from the app`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', (event) => stayInApp(event, 'navigation'));
  contents.on('will-redirect', (event) => stayInApp(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('security: blocked a <webview>');
  });
}

const hardenedSessions = new WeakSet<Session>();

function hardenSession(target: Session, log: Logger): void {
  if (hardenedSessions.has(target)) return;
  hardenedSessions.add(target);
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const granted = isPermissionGranted(permission, details.requestingUrl, mediaTypes);
    if (!granted) log.warn('security: denied a permission request', { permission, mediaTypes, url: details.requestingUrl.slice(0, 200) });
    callback(granted);
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, requestingOrigin, details.mediaType ? [details.mediaType] : []),
  );
  // USB, HID and serial devices: a softphone needs none of them.
  target.setDevicePermissionHandler(() => false);
}

/**
 * The agent's microphone (audio only, never the camera) and choosing the headset for ringtone and call audio;
 * nothing else, and only for the app's own pages.
 */
function isPermissionGranted(permission: string, origin: string | undefined, mediaTypes: readonly string[]): boolean {
  if (!origin || !isAppUrl(origin)) return false;
  if (permission === 'speaker-selection') return true;
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');
  return false;
}
