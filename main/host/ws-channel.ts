import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { ApiPort } from '../../preload/contract/index.ts';
import { dispatchCall, outcomeJson, readWireMessage, validationOutcome } from './api-dispatch.ts';
import type { LastPageLock } from './last-page-lock.ts';
import { TOKEN_PROTOCOL_PREFIX } from './request-guard.ts';

/** Per-message cap: a bigger message closes the socket with 1009 (ws does this before buffering it all). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Close codes (RFC 6455): 1008 policy violation, here "not a message of this protocol". */
const POLICY_VIOLATION = 1008;

function send(socket: WebSocket, text: string): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(text);
}

async function answer(api: ApiPort, socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
  if (isBinary) {
    socket.close(POLICY_VIOLATION, 'text messages only');
    return;
  }
  const message = readWireMessage(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'));
  if (message.kind === 'unreadable') {
    socket.close(POLICY_VIOLATION, 'messages are JSON {id, method, args}');
    return;
  }
  const outcome = message.kind === 'invalid' ? validationOutcome(message.message) : await dispatchCall(api, message.method, message.args);
  send(socket, outcomeJson(outcome, (wrapped) => ({ id: message.id, outcome: wrapped })));
}

/**
 * The WebSocket transport at /ws: `{id, method, args}` in, `{id, outcome}` out, and every pushed event as
 * `{event, payload}` to every connected page. Upgrades arrive here already checked (Host, Origin, token).
 */
export class WebSocketChannel {
  readonly #api: ApiPort;
  readonly #server: WebSocketServer;
  readonly #unsubscribe: () => void;
  readonly #pages: LastPageLock | undefined;

  /** `pages` hears each page's socket open and close (to lock when the last one has gone). */
  constructor(api: ApiPort, pages?: LastPageLock) {
    this.#api = api;
    this.#pages = pages;
    this.#server = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_MESSAGE_BYTES,
      // The page offers `riskdesk.<token>`; a browser drops the connection unless that protocol is echoed.
      handleProtocols: (protocols) => [...protocols].find((protocol) => protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) ?? false,
    });
    this.#server.on('connection', (socket) => this.#accept(socket));
    this.#unsubscribe = api.onEvent((event, payload) => {
      let text: string;
      try {
        text = JSON.stringify({ event, payload });
      } catch {
        return;
      }
      for (const client of this.#server.clients) send(client, text);
    });
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (webSocket) => this.#server.emit('connection', webSocket, req));
  }

  #accept(socket: WebSocket): void {
    this.#pages?.opened();
    socket.on('close', () => this.#pages?.closed());
    // A protocol error (bad frame, oversized message) closes the socket; it must not become an unhandled error.
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      answer(this.#api, socket, data, isBinary).catch(() => socket.terminate());
    });
  }

  close(): Promise<void> {
    this.#unsubscribe();
    this.#pages?.stop();
    for (const client of this.#server.clients) client.terminate();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
