import { RiskDeskError, type EventName, type EventPayload, type MethodArgs, type MethodName, type MethodResult } from '../../../preload/contract/index.ts';
import { ipcTransport } from './ipc-transport.ts';
import type { ConnectionState, Transport } from './transport.ts';
import { takeHostToken, wsTransport } from './ws-transport.ts';

/** Methods whose arguments are all optional may be called without them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is exactly "a value with no required keys"
type ArgsOf<M extends MethodName> = {} extends MethodArgs<M> ? [args?: MethodArgs<M>] : [args: MethodArgs<M>];

export interface ApiClient {
  readonly transport: 'ipc' | 'ws';
  call<M extends MethodName>(method: M, ...args: ArgsOf<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

function createClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(method, ...args) {
      const outcome = await transport.invoke(method, args[0] ?? {});
      if (outcome.ok) return outcome.result as never;
      throw new RiskDeskError(outcome.error.code, outcome.error.message, outcome.error.details);
    },
    on: (event, listener) => transport.on(event, listener as (payload: unknown) => void),
    connection: () => transport.connection(),
    onConnection: (listener) => transport.onConnection(listener),
  };
}

/** Electron's preload when it is there; otherwise the browser host that served this page. */
function pickTransport(): Transport {
  if (window.riskdesk) return ipcTransport(window.riskdesk);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return wsTransport(`${scheme}://${window.location.host}/ws`, takeHostToken());
}

let client: ApiClient | null = null;

/** Called once at start-up, before the first render, so the token leaves the address bar at once. */
export function startApi(): ApiClient {
  client ??= createClient(pickTransport());
  return client;
}

/** The one client of this window. */
export const api: ApiClient = {
  get transport() {
    return startApi().transport;
  },
  call: (method, ...args) => startApi().call(method, ...args),
  on: (event, listener) => startApi().on(event, listener),
  connection: () => startApi().connection(),
  onConnection: (listener) => startApi().onConnection(listener),
};

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
