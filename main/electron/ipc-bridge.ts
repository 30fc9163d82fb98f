import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES, IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX, METHOD_NAMES, type ApiOutcome, type ApiPort } from '../../preload/contract/index.ts';
import { isAppUrl } from './app-protocol.ts';

/** The parts of the IPC event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The window whose page may call the API: its web contents, and whether it is gone. */
export interface ApiWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly mainFrame: unknown;
    send(channel: string, payload: unknown): void;
    isDestroyed(): boolean;
  };
}

/**
 * A call is ours when it comes from the main frame of our window's web contents, showing an app:// page.
 * A subframe, another window, or the same frame after it somehow reached another origin, is refused.
 */
export function isTrustedSender(event: SenderEvent, window: ApiWindow | null): boolean {
  if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (frame === null || frame !== window.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

const FOREIGN_SENDER: ApiOutcome<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call did not come from the RiskDesk window, so it was refused.' },
};

const INTERNAL: ApiOutcome<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'RiskDesk could not complete this call. Try again; if it keeps failing, restart the app.' },
};

/**
 * One ipcMain.handle per contract method, on `riskdesk:<method>`, and no other channel. The handler checks
 * the sender, then hands the raw argument to the ApiService, which parses it with the method's zod schema and
 * answers with an ApiOutcome; a handler never throws, so the renderer always receives an outcome.
 * Returns a function that removes the handlers.
 */
export function registerApiHandlers(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  api: Pick<ApiPort, 'call'>;
  isTrusted: (event: SenderEvent) => boolean;
  onRefused?: (method: string, event: SenderEvent) => void;
}): () => void {
  const { ipcMain, api, isTrusted } = options;
  const channels = METHOD_NAMES.map((method) => {
    const channel = `${IPC_CHANNEL_PREFIX}${method}`;
    ipcMain.handle(channel, async (event, rawArgs: unknown) => {
      if (!isTrusted(event)) {
        options.onRefused?.(method, event);
        return FOREIGN_SENDER;
      }
      try {
        return await api.call(method, rawArgs);
      } catch {
        return INTERNAL;
      }
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Sends the ApiService's events to the window on `riskdesk-event:<name>`, for the contract's events only,
 * while the window exists. Returns the unsubscribe function.
 */
export function forwardApiEvents(api: Pick<ApiPort, 'onEvent'>, window: () => ApiWindow | null): () => void {
  const known: readonly string[] = EVENT_NAMES;
  return api.onEvent((name, payload) => {
    const target = window();
    if (!known.includes(name) || target === null || target.isDestroyed() || target.webContents.isDestroyed()) return;
    target.webContents.send(`${IPC_EVENT_PREFIX}${name}`, payload);
  });
}
