/**
 * Serves the built renderer at app://agent-desktop/ so app pages have a real origin, a CSP header and no
 * file:// access. Only files inside the renderer folder are served; the web shell reads them the same way.
 */
import { resolve } from 'node:path';
import { protocol } from 'electron';
import { readRendererFile } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './security';

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard + secure: a real origin for 'self' and a secure context for getUserMedia; stream: the ringtone
      // plays through <audio> from this scheme.
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/** Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => respond(root, request));
}

export async function respond(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return refusal(404, 'Not found');
  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file) return refusal(404, 'Not found');
  return new Response(request.method === 'HEAD' ? null : file.body, {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': file.type },
  });
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
