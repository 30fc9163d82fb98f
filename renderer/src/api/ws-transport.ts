import type { ApiOutcome, EventName, MethodName } from '../../../preload/contract/index.ts';
import type { ConnectionState, Transport } from './transport.ts';

const TOKEN_KEY = 'riskdesk.token';
const SUGGESTED_USER_KEY = 'riskdesk.suggestedUser';
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 8000;

/**
 * The browser host's token arrives once in the address (`#token=…`, with `&user=…` when `riskdesk serve --user`
 * names the user to suggest). Take it out of the address bar at once (so it is not bookmarked, shared or left in
 * history) and keep both for this tab only, so a reload works.
 */
export function takeHostToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    const user = params.get('user');
    if (user) sessionStorage.setItem(SUGGESTED_USER_KEY, user);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The user `riskdesk serve --user` named for this tab's unlock screen, if any. */
export function suggestedUser(): string | null {
  return sessionStorage.getItem(SUGGESTED_USER_KEY);
}

type Pending = { message: string; sent: boolean; resolve: (outcome: ApiOutcome<unknown>) => void };

/**
 * The contract over the browser host's WebSocket: `{id, method, args}` out, `{id, outcome}` back, and pushed
 * `{event, payload}`. The token rides in the subprotocol (`riskdesk.<token>`), never in a URL. Calls made while
 * disconnected wait for the connection; calls in flight when it drops fail (their result is unknown) and the
 * socket reconnects with backoff.
 */
export function wsTransport(url: string, token: string | null): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<number, Pending>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = token ? 'connecting' : 'no-token';
  let nextId = 1;
  let retryMs = FIRST_RETRY_MS;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const connect = () => {
    if (!token) return;
    const ws = new WebSocket(url, `riskdesk.${token}`);
    socket = ws;
    ws.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      setState('open');
      for (const call of pending.values()) send(ws, call);
    };
    ws.onmessage = (message) => receive(message.data);
    ws.onclose = () => {
      socket = null;
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        call.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The connection to RiskDesk was lost before it answered; try again.' } });
      }
      setState('reconnecting');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  };

  const send = (ws: WebSocket, call: Pending) => {
    if (call.sent) return;
    ws.send(call.message);
    call.sent = true;
  };

  const receive = (data: unknown) => {
    if (typeof data !== 'string') return;
    let message: { id?: unknown; outcome?: ApiOutcome<unknown>; event?: EventName; payload?: unknown };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    if (typeof message.id === 'number' && message.outcome) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      call?.resolve(message.outcome);
    } else if (typeof message.event === 'string') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  };

  connect();

  return {
    kind: 'ws',
    invoke(method: MethodName, args: unknown) {
      if (!token) {
        return Promise.resolve({ ok: false, error: { code: 'LOCKED', message: 'Open the address that `riskdesk serve` printed: it carries the access token.' } });
      }
      const id = nextId++;
      const message = JSON.stringify({ id, method, args });
      return new Promise((resolve) => {
        const call: Pending = { message, sent: false, resolve };
        pending.set(id, call);
        if (socket?.readyState === WebSocket.OPEN) send(socket, call);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
