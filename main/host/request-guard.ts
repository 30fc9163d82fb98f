import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A request the host turns away: a status and a short plain body that says nothing more. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly body: string;
}

const FORBIDDEN: Refusal = { status: 403, body: 'forbidden\n' };
const UNAUTHORIZED: Refusal = { status: 401, body: 'unauthorized\n' };

/** The WebSocket subprotocol that carries the token: `riskdesk.<token>`. */
export const TOKEN_PROTOCOL_PREFIX = 'riskdesk.';

/** 32 random bytes, base64url: the per-launch secret the printed URL carries in its fragment. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal, so not even the length leaks. */
function tokensEqual(presented: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The only names a page served by this host can have. Anything else is DNS rebinding or a stray client. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/**
 * Every request: the Host header names this host exactly (DNS-rebinding defence), and an Origin, when sent,
 * is this host's own. WebSocket upgrades must send one (browsers always do), as the handshake is not bound
 * by the same-origin policy.
 */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number, options: { originRequired: boolean }): Refusal | null {
  if (headers.host === undefined || !allowedHosts(port).includes(headers.host)) return FORBIDDEN;
  const origin = headers.origin;
  if (origin === undefined) return options.originRequired ? FORBIDDEN : null;
  return allowedOrigins(port).includes(origin) ? null : FORBIDDEN;
}

/** No token: 401. A token that is not this launch's: 403. */
export function checkToken(presented: string | undefined, expected: string): Refusal | null {
  if (presented === undefined || presented === '') return UNAUTHORIZED;
  return tokensEqual(presented, expected) ? null : FORBIDDEN;
}

/** `Authorization: Bearer <token>`, for HTTP API calls. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = (headers.authorization ?? '').match(/^Bearer ([A-Za-z0-9_-]{1,256})$/);
  return match?.[1];
}

/**
 * The token a WebSocket handshake carries, as the subprotocol `riskdesk.<token>`: browsers cannot set headers
 * on a WebSocket, and a token in the URL's query would end up in history and logs.
 */
export function webSocketToken(headers: IncomingHttpHeaders): string | undefined {
  const offered = (headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim());
  return offered.find((protocol) => protocol.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
}
