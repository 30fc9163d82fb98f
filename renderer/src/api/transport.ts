import type { ApiOutcome, EventName, MethodName } from '../../../preload/contract/index.ts';

/** Whether the client can reach main right now (IPC is always connected; the WebSocket may drop). */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'no-token';

/** One way to reach main. Screens never see this: they use the client in ./client.ts. */
export interface Transport {
  readonly kind: 'ipc' | 'ws';
  invoke(method: MethodName, args: unknown): Promise<ApiOutcome<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
