import { beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../app/logger';

type Handler = (...args: never[]) => unknown;

const electron = vi.hoisted(() => {
  const sessionHandlers = new Map<string, Handler>();
  const session = {
    setPermissionRequestHandler: (h: Handler) => sessionHandlers.set('request', h),
    setPermissionCheckHandler: (h: Handler) => sessionHandlers.set('check', h),
    setDevicePermissionHandler: (h: Handler) => sessionHandlers.set('device', h),
  };
  return {
    appHandlers: new Map<string, Handler>(),
    sessionHandlers,
    session,
    enableSandbox: vi.fn(),
    openExternal: vi.fn(async () => undefined),
    windowOptions: [] as unknown[],
  };
});

vi.mock('electron', () => ({
  app: {
    enableSandbox: electron.enableSandbox,
    on: (name: string, handler: Handler) => electron.appHandlers.set(name, handler),
    whenReady: async () => undefined,
    isPackaged: true,
  },
  session: { defaultSession: electron.session },
  shell: { openExternal: electron.openExternal },
  BrowserWindow: class {
    constructor(options: unknown) {
      electron.windowOptions.push(options);
    }
  },
}));

const { applySecurity, createSecureWindow, CONTENT_SECURITY_POLICY } = await import('./security');

/** A stand-in webContents recording what security.ts attaches to it. */
function fakeWebContents() {
  const events = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    session: electron.session,
    on: (name: string, handler: Handler) => events.set(name, handler),
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    events,
    open: (url: string) => openHandler!({ url }),
  };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('security defaults', () => {
  beforeAll(async () => {
    await applySecurity(silentLogger);
  });

  it('turns the sandbox on for every renderer', () => {
    expect(electron.enableSandbox).toHaveBeenCalled();
  });

  it('makes windows sandboxed, isolated, without Node, throttling or a gesture needed to ring', () => {
    createSecureWindow({ width: 1366, height: 768 }, '/app/out/preload/preload.cjs');
    const { webPreferences, show } = electron.windowOptions.at(-1) as { webPreferences: Record<string, unknown>; show: boolean };
    expect(show).toBe(false);
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
      devTools: false,
    });
  });

  it('has a CSP that allows scripts and connections from the app only', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('default-src')).toBe("default-src 'self'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('connect-src')).toBe("connect-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  describe('every web contents', () => {
    const contents = fakeWebContents();
    beforeAll(() => {
      electron.appHandlers.get('web-contents-created')!({} as never, contents as never);
    });

    it('never opens a window; http, https and mailto go to the system, other schemes nowhere', () => {
      for (const url of ['https://example.com/help', 'http://example.com/', 'mailto:support@example.com']) {
        expect(contents.open(url)).toEqual({ action: 'deny' });
        expect(electron.openExternal).toHaveBeenLastCalledWith(new URL(url).href);
      }
      electron.openExternal.mockClear();
      for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://agent-desktop/index.html', 'not a url']) {
        expect(contents.open(url)).toEqual({ action: 'deny' });
      }
      expect(electron.openExternal).not.toHaveBeenCalled();
    });

    it('blocks navigation and redirects away from app://agent-desktop/', () => {
      for (const name of ['will-navigate', 'will-redirect']) {
        const handler = contents.events.get(name)!;
        const away = navigationEvent('https://evil.example/');
        handler(away as never);
        expect(away.preventDefault).toHaveBeenCalled();
        const lookalike = navigationEvent('app://agent-desktop.evil/index.html');
        handler(lookalike as never);
        expect(lookalike.preventDefault).toHaveBeenCalled();
        const inApp = navigationEvent('app://agent-desktop/index.html#calls');
        handler(inApp as never);
        expect(inApp.preventDefault).not.toHaveBeenCalled();
      }
    });

    it('blocks <webview>', () => {
      const event = { preventDefault: vi.fn() };
      contents.events.get('will-attach-webview')!(event as never);
      expect(event.preventDefault).toHaveBeenCalled();
    });
  });

  describe('permissions', () => {
    const request = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      const callback = vi.fn();
      const details = mediaTypes ? { requestingUrl, isMainFrame: true, mediaTypes } : { requestingUrl, isMainFrame: true };
      electron.sessionHandlers.get('request')!({} as never, permission as never, callback as never, details as never);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    const check = (permission: string, origin: string, mediaType?: string) =>
      electron.sessionHandlers.get('check')!(null as never, permission as never, origin as never, { isMainFrame: true, mediaType } as never);
    const app = 'app://agent-desktop/index.html';

    it('grants the microphone to the app and nothing with video', () => {
      expect(request('media', app, ['audio'])).toBe(true);
      expect(request('media', app, ['audio', 'video'])).toBe(false);
      expect(request('media', app, ['video'])).toBe(false);
      expect(request('media', app, [])).toBe(false);
      expect(check('media', 'app://agent-desktop', 'audio')).toBe(true);
      expect(check('media', 'app://agent-desktop/', 'audio')).toBe(true);
      expect(check('media', 'app://agent-desktop', 'video')).toBe(false);
      expect(check('media', 'app://agent-desktop', 'unknown')).toBe(false);
    });

    it('grants choosing the audio output to the app', () => {
      expect(request('speaker-selection', app)).toBe(true);
      expect(check('speaker-selection', 'app://agent-desktop')).toBe(true);
    });

    it('denies everything else, and everything to other origins', () => {
      for (const permission of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'openExternal', 'fullscreen', 'midi']) {
        expect(request(permission, app)).toBe(false);
        expect(check(permission, 'app://agent-desktop')).toBe(false);
      }
      expect(request('media', 'https://evil.example/', ['audio'])).toBe(false);
      expect(request('speaker-selection', 'file:///tmp/x.html')).toBe(false);
      expect(check('media', 'http://127.0.0.1:8080', 'audio')).toBe(false);
      expect(electron.sessionHandlers.get('device')!()).toBe(false);
    });
  });
});
