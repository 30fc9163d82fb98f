import http from 'node:http';
import { WebSocket } from 'ws';
import type { ApiOutcome } from '../../preload/contract/index.ts';

/** Clients for the browser host that, unlike fetch, may lie about Host and Origin and send raw paths. */

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RawRequest {
  readonly method?: string;
  /** Sent exactly as given (no normalisation of `..` or percent-encoding). */
  readonly path?: string;
  /** `Host` defaults to `127.0.0.1:PORT`. */
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

export function rawRequest(port: number, request: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.path ?? '/',
        headers: { Host: `127.0.0.1:${port}`, ...request.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** `POST /api/<method>` with the token, as the renderer's HTTP transport would. */
export async function postApi(port: number, token: string, method: string, body: string): Promise<{ status: number; outcome: ApiOutcome<unknown> }> {
  const response = await rawRequest(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` },
    body,
  });
  return { status: response.status, outcome: JSON.parse(response.body) as ApiOutcome<unknown> };
}

export interface HandshakeOptions {
  readonly token?: string;
  /** Sent as the `riskdesk.<token>` subprotocol (the renderer's way), or else as `?token=` (which the host ignores). */
  readonly tokenIn?: 'protocol' | 'query';
  readonly origin?: string | null;
  readonly host?: string;
  readonly path?: string;
}

/** A handshake the host refused: its HTTP status. */
export class HandshakeRefused extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`handshake refused with ${status}`);
    this.status = status;
  }
}

interface Reply {
  id: string | number;
  outcome: ApiOutcome<unknown>;
}

/** A WebSocket connection to /ws speaking `{id, method, args}` → `{id, outcome}`, collecting pushed events. */
export class HostSocket {
  readonly socket: WebSocket;
  readonly events: { event: string; payload: unknown }[] = [];
  /** Resolves with the close code when the host closes the connection. */
  readonly closed: Promise<number>;
  readonly #pending = new Map<string | number, (reply: Reply) => void>();
  #nextId = 1;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Partial<Reply> & { event?: string; payload?: unknown };
      if (message.event !== undefined) {
        this.events.push({ event: message.event, payload: message.payload });
        return;
      }
      const settle = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (settle && message.id !== undefined) {
        this.#pending.delete(message.id);
        settle(message as Reply);
      }
    });
  }

  static open(port: number, options: HandshakeOptions = {}): Promise<HostSocket> {
    const query = options.token !== undefined && options.tokenIn === 'query' ? `?token=${encodeURIComponent(options.token)}` : '';
    const protocols = options.token !== undefined && options.tokenIn !== 'query' ? [`riskdesk.${options.token}`] : [];
    const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin;
    const socket = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ws'}${query}`, protocols, {
      ...(origin === null ? {} : { origin }),
      headers: { Host: options.host ?? `127.0.0.1:${port}` },
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new HostSocket(socket)));
      socket.once('unexpected-response', (_req, res) => {
        reject(new HandshakeRefused(res.statusCode ?? 0));
        res.resume();
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  /** Sends one text message as is and waits for the reply with `id`. */
  sendRaw(id: string | number, text: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.#pending.set(id, resolve);
      this.closed.then((code) => reject(new Error(`closed with ${code} before answering ${id}`)), reject);
      this.socket.send(text);
    });
  }

  /** A call with `args` (left out of the message when undefined); `rawArgs` is JSON text spliced in as is. */
  call(method: unknown, args?: unknown, rawArgs?: string): Promise<ApiOutcome<unknown>> {
    const id = this.#nextId++;
    const argsPart = rawArgs !== undefined ? `,"args":${rawArgs}` : args === undefined ? '' : `,"args":${JSON.stringify(args)}`;
    const methodPart = method === undefined ? '' : `,"method":${JSON.stringify(method)}`;
    return this.sendRaw(id, `{"id":${id}${methodPart}${argsPart}}`).then((reply) => reply.outcome);
  }

  close(): Promise<number> {
    this.socket.close();
    return this.closed;
  }
}
