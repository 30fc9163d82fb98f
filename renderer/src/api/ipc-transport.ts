import type { ApiOutcome, EventName, MethodName } from '../../../preload/contract/index.ts';
import type { Transport } from './transport.ts';

/**
 * What the Electron preload exposes on window.riskdesk: one function per contract method, each returning
 * the ApiOutcome, and `on(event, listener)` returning an unsubscribe function.
 */
export type RiskdeskBridge = {
  readonly [M in MethodName]: (args: unknown) => Promise<ApiOutcome<unknown>>;
} & {
  readonly on: (event: EventName, listener: (payload: unknown) => void) => () => void;
};

declare global {
  interface Window {
    readonly riskdesk?: RiskdeskBridge;
  }
}

export function ipcTransport(bridge: RiskdeskBridge): Transport {
  return {
    kind: 'ipc',
    invoke(method, args) {
      const fn = bridge[method];
      if (typeof fn !== 'function') {
        return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `This build of the app has no "${method}".` } });
      }
      return fn(args);
    },
    on: (event, listener) => bridge.on(event, listener),
    connection: () => 'open',
    onConnection: () => () => undefined,
  };
}
