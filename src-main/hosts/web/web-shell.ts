import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PATH, WIRE_PROTOCOL_PREFIX, WireRequest, type WireMessage } from '../../../src-shared/wire';
import type { AgentDesktop } from '../../app/agent-desktop';
import type { Logger } from '../../app/logger';
import type { OneTimeCodes } from './one-time-codes';
import { redeemCode, SESSION_PATH } from './session-endpoint';
import { readRendererFile } from './static-files';

export interface WebShellOptions {
  app: Pick<AgentDesktop, 'router' | 'events'>;
  rendererDir: string;
  logger: Logger;
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Tried before `port` (the last run's, so open pages find a restarted shell); skipped when taken. */
  preferredPort?: number | null;
  /** What a WebSocket must present; given only to a page that redeemed a one-time code. */
  secret: string;
  codes: OneTimeCodes;
}

export interface WebShell {
  /** An address that opens one window: a fresh one-time code rides in the fragment, never sent by browsers. */
  openUrl(): string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

function cspFor(origin: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self' ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sameSecret(offered: string, secret: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}


function listen(server: import('node:http').Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => reject(err);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/**
 * The web shell: the same renderer over HTTP on 127.0.0.1 and the same contract over a WebSocket.
 * A page gets in by redeeming a one-time code for the session secret; a WebSocket must offer that secret (as its
 * subprotocol) and come from the shell's own origin; anything else is refused and logged (never the secret).
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const { app, rendererDir, logger, secret, codes } = options;
  let origin = '';
  let hosts = new Set<string>();
  let origins = new Set<string>();

  const server = createServer((req, res) => {
    // Refuse other Host names: a DNS-rebinding page must not read the workspace.
    if (!hosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    if ((req.url ?? '').split('?')[0] === SESSION_PATH) {
      redeemCode(req, res, { codes, secret, logger, sameOrigin: (o) => origins.has(o) });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    void readRendererFile(rendererDir, req.url ?? '/').then((file) => {
      const common = {
        'content-security-policy': cspFor(origin),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'permissions-policy': 'camera=(), geolocation=(), microphone=(self), speaker-selection=(self)',
      };
      if (!file) {
        res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, { ...common, 'content-type': file.type });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 256 * 1024,
    handleProtocols: (protocols) => {
      for (const p of protocols) if (p.startsWith(WIRE_PROTOCOL_PREFIX)) return p;
      return false;
    },
  });

  const refuse = (req: IncomingMessage, socket: import('node:stream').Duplex, status: string, why: string) => {
    logger.warn('web shell: refused a contract connection', { why, remote: req.socket.remoteAddress, origin: req.headers.origin });
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WIRE_PATH) return refuse(req, socket, '404 Not Found', `unknown path ${path}`);
    if (!hosts.has(req.headers.host ?? '')) return refuse(req, socket, '421 Misdirected Request', 'wrong Host header');
    if (!origins.has(req.headers.origin ?? '')) return refuse(req, socket, '403 Forbidden', 'wrong or missing Origin');
    const offered = (req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .find((p) => p.startsWith(WIRE_PROTOCOL_PREFIX));
    if (!offered || !sameSecret(offered.slice(WIRE_PROTOCOL_PREFIX.length), secret)) {
      return refuse(req, socket, '401 Unauthorized', offered ? 'wrong token' : 'no token');
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  const clients = new Set<WebSocket>();
  const send = (ws: WebSocket, message: WireMessage) => ws.send(JSON.stringify(message));
  const unsubscribe = app.events.subscribe((event, payload) => {
    for (const ws of clients) send(ws, { event, payload });
  });

  function serve(ws: WebSocket): void {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data, isBinary) => {
      let parsed: unknown;
      try {
        parsed = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        parsed = undefined;
      }
      const request = WireRequest.safeParse(parsed);
      if (!request.success) {
        send(ws, { id: null, ok: false, error: { code: 'INVALID_REQUEST', message: 'Messages must be JSON: {"id": number, "channel": string, "payload": object}.' } });
        return;
      }
      const { id, channel, payload } = request.data;
      void app.router(channel, payload, { trusted: true, description: 'web shell (session secret verified)' }).then((reply) =>
        send(ws, reply.ok ? { id, ok: true, result: reply.result } : { id, ok: false, error: reply.error }),
      );
    });
  }

  const preferred = options.port ? null : options.preferredPort;
  try {
    await listen(server, preferred ?? options.port ?? 0);
  } catch (err) {
    if (!preferred || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    logger.warn('web shell: the last address is taken; open pages must be opened again', { port: preferred });
    await listen(server, 0);
  }
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([...hosts].map((h) => `http://${h}`));
  logger.info('web shell listening', { origin });

  return {
    openUrl: () => `${origin}/#code=${codes.mint()}`,
    origin,
    port,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
