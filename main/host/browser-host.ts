import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ApiPort } from '../../preload/contract/index.ts';
import type { Timers } from '../services/api/idle-timer.ts';
import { handleApiRequest } from './http-api.ts';
import { LastPageLock } from './last-page-lock.ts';
import { bearerToken, checkHostAndOrigin, checkToken, newToken, webSocketToken, type Refusal } from './request-guard.ts';
import { securityHeaders, sendPlain } from './security-headers.ts';
import { serveStatic } from './static-files.ts';
import { WebSocketChannel } from './ws-channel.ts';

export interface BrowserHostOptions {
  /** The API service the host exposes; the host does not close it. */
  readonly api: ApiPort;
  /** The built renderer (index.html and its assets). */
  readonly staticDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Normally left out: a fresh random token per launch. */
  readonly token?: string;
  /**
   * Lock the session this long after the last page (WebSocket) has gone: `riskdesk serve` does, so that closing the
   * tab or window locks the workspace. Left out, only the idle lock and the page's Lock button lock it.
   */
  readonly lockWhenPagesGone?: { readonly graceMs: number; readonly timers?: Timers };
}

export interface BrowserHost {
  /** `http://127.0.0.1:PORT/#token=TOKEN`: the fragment never leaves the browser (no Referer, no logs). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,256}$/;
const API_PREFIX = '/api/';
const WS_PATH = '/ws';

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?', 1)[0] ?? '';
}

/** Ends a refused WebSocket handshake with a plain HTTP answer (the socket has no ServerResponse). */
function refuseUpgrade(socket: Duplex, status: number, body: string, headers: Record<string, string>): void {
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    'Cache-Control: no-store',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * Serves the built renderer and the contract (POST /api/<method>, WebSocket /ws) on 127.0.0.1 only. Every
 * request must name this host in Host and, when it sends an Origin, come from this host's page; the API needs
 * the per-launch token as well. There are no other routes.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  if (!TOKEN_SHAPE.test(token)) throw new Error('the browser host token must be 32 to 256 base64url characters');
  const { api, staticDir } = options;
  const pages = options.lockWhenPagesGone ? new LastPageLock(() => void api.call('session.lock', {}), options.lockWhenPagesGone) : undefined;
  const channel = new WebSocketChannel(api, pages);
  let port = 0;
  let headers: Record<string, string> = {};

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const refusal = checkHostAndOrigin(req.headers, port, { originRequired: false });
    if (refusal) return sendPlain(res, refusal.status, refusal.body);
    const path = pathOf(req);
    if (path.startsWith(API_PREFIX)) {
      const denied = checkToken(bearerToken(req.headers), token);
      if (denied) return sendPlain(res, denied.status, denied.body, denied.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      if (req.method !== 'POST') return sendPlain(res, 404, 'not found\n');
      return handleApiRequest(req, res, api, path.slice(API_PREFIX.length));
    }
    if (path !== WS_PATH && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(req, res, staticDir);
    return sendPlain(res, 404, 'not found\n');
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const refusal: Refusal | { status: 404; body: string } | null =
      checkHostAndOrigin(req.headers, port, { originRequired: true }) ??
      (pathOf(req) === WS_PATH ? checkToken(webSocketToken(req.headers), token) : { status: 404, body: 'not found\n' });
    if (refusal) return refuseUpgrade(socket, refusal.status, refusal.body, headers);
    channel.upgrade(req, socket, head);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendPlain(res, 500, 'internal error\n');
    });
  });
  server.on('upgrade', upgrade);
  server.on('clientError', (_error, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await channel.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  headers = securityHeaders(port);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      await channel.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
