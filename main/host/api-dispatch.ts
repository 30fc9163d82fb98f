import type { ApiOutcome, ApiPort } from '../../preload/contract/index.ts';

/** Longer than any contract method name; anything longer is refused before it reaches the service. */
const MAX_METHOD_NAME = 100;

export function validationOutcome(message: string): ApiOutcome<never> {
  return { ok: false, error: { code: 'VALIDATION', message } };
}

/**
 * The one dispatch both transports share. The service validates arguments against the contract; this keeps
 * the transport's own guarantees: a method name is a short string, and a throw (which the service promises
 * not to do) is still an INTERNAL outcome and never a crash or a stack trace on the wire.
 */
export async function dispatchCall(api: Pick<ApiPort, 'call'>, method: unknown, args: unknown): Promise<ApiOutcome<unknown>> {
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_NAME) {
    return validationOutcome('the method must be a contract method name');
  }
  try {
    return await api.call(method, args);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'the call failed unexpectedly; see the terminal running riskdesk serve' } };
  }
}

const UNSENDABLE: ApiOutcome<never> = { ok: false, error: { code: 'INTERNAL', message: 'the result could not be sent' } };

/** JSON of an outcome (wrapped for the wire); one that cannot be serialised becomes an INTERNAL outcome, not a throw. */
export function outcomeJson(outcome: ApiOutcome<unknown>, wrap: (outcome: ApiOutcome<unknown>) => unknown = (o) => o): string {
  try {
    return JSON.stringify(wrap(outcome));
  } catch {
    return JSON.stringify(wrap(UNSENDABLE));
  }
}

type WireId = string | number;

export type WireMessage =
  | { readonly kind: 'call'; readonly id: WireId; readonly method: unknown; readonly args: unknown }
  | { readonly kind: 'invalid'; readonly id: WireId; readonly message: string }
  | { readonly kind: 'unreadable' };

const ENVELOPE_KEYS = new Set(['id', 'method', 'args']);

function isWireId(value: unknown): value is WireId {
  return (typeof value === 'string' && value.length > 0 && value.length <= 128) || (typeof value === 'number' && Number.isSafeInteger(value));
}

/**
 * One WebSocket text message: `{id, method, args}`. Without a readable id there is nobody to answer
 * (`unreadable`, the socket is closed); with one, any other flaw is answered as a VALIDATION outcome.
 */
export function readWireMessage(text: string): WireMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'unreadable' };
  const id: unknown = Object.hasOwn(parsed, 'id') ? (parsed as { id: unknown }).id : undefined;
  if (!isWireId(id)) return { kind: 'unreadable' };
  const extra = Object.keys(parsed).filter((key) => !ENVELOPE_KEYS.has(key));
  if (extra.length > 0) return { kind: 'invalid', id, message: 'a message is {id, method, args} and nothing else' };
  const { method, args } = parsed as { method?: unknown; args?: unknown };
  return { kind: 'call', id, method, args };
}
