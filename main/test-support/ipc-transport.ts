/**
 * The IPC bridge's handlers (main/electron/ipc-bridge.ts) registered on a stand-in for Electron's ipcMain, as a
 * transport for the contract fuzzer: each call goes through the handler of its `riskdesk:<method>` channel from the
 * trusted window, with its arguments structured-cloned as Electron's IPC serialises them.
 */
import type { ApiOutcome } from '../../preload/contract/index.ts';
import type { ApiService } from '../services/api/api-service.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- ipc-bridge.ts takes electron's types only (import type): nothing here loads electron
import { registerApiHandlers, type SenderEvent } from '../electron/ipc-bridge.ts';
import { RawJson, type Transport } from './contract-fuzz.ts';

type Handler = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

export function ipcTransport(api: ApiService): { transport: Transport; dispose: () => void } {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler), removeHandler: (channel: string) => handlers.delete(channel) };
  const dispose = registerApiHandlers({ ipcMain: ipcMain as unknown as Parameters<typeof registerApiHandlers>[0]['ipcMain'], api, isTrusted: () => true });
  const trusted = {} as SenderEvent;
  const transport: Transport = async (method, args) => {
    const handler = handlers.get(`riskdesk:${method}`);
    if (handler === undefined) throw new Error(`no IPC handler for ${method}`);
    const sent = args instanceof RawJson ? (JSON.parse(args.text) as unknown) : structuredClone(args);
    return (await handler(trusted, sent)) as ApiOutcome<unknown>;
  };
  return { transport, dispose };
}
