// The preload of the RiskDesk window: the renderer's only way into main. It runs sandboxed with context
// isolation, so Electron loads it as CommonJS; `npm run build:preload` bundles it (with the contract and zod)
// into dist/preload/index.cjs.
//
// window.riskdesk has exactly one function per contract method, `window.riskdesk[method](args)` resolving to
// an ApiOutcome, plus `on(event, listener)` for the contract's events, returning an unsubscribe function.
// Nothing else crosses: no ipcRenderer, no generic invoke, no channel names chosen by the page.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX, METHOD_NAMES, type ApiOutcome, type EventName, type MethodName } from './contract/index.ts';

export type RiskDeskMethod = (args?: unknown) => Promise<ApiOutcome<unknown>>;
export type RiskDeskBridge = Record<MethodName, RiskDeskMethod> & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};

/** What the bridge needs of ipcRenderer; a parameter so that tests can pass a fake. */
export interface BridgeIpc {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

function createRiskDeskBridge(ipc: BridgeIpc): RiskDeskBridge {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => {
      const channel = `${IPC_CHANNEL_PREFIX}${method}`;
      // Methods without arguments take `{}`; main parses whatever arrives, so nothing is trusted here.
      const call: RiskDeskMethod = (args) => ipc.invoke(channel, args === undefined ? {} : args) as Promise<ApiOutcome<unknown>>;
      return [method, call];
    }),
  ) as Record<MethodName, RiskDeskMethod>;

  const eventNames: readonly string[] = EVENT_NAMES;
  function on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!eventNames.includes(event)) throw new TypeError(`window.riskdesk.on: unknown event ${JSON.stringify(event)}; events are ${EVENT_NAMES.join(', ')}.`);
    if (typeof listener !== 'function') throw new TypeError('window.riskdesk.on: the listener must be a function.');
    const channel = `${IPC_EVENT_PREFIX}${event}`;
    // The page gets the payload only, never the IpcRendererEvent (whose `sender` is ipcRenderer itself).
    const forward = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  }

  return { ...methods, on };
}

contextBridge.exposeInMainWorld('riskdesk', createRiskDeskBridge(ipcRenderer));
