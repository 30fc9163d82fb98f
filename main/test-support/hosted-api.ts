// TEMPORARY fake of the API service until main/services/api lands: validates with the contract's schemas.
import { contract, type ApiOutcome, type EventName } from '../../preload/contract/index.ts';
import type { HostedApi } from '../host/api-dispatch.ts';
import type { HostSocket } from './host-client.ts';

export interface HostedTestApi {
  readonly service: HostedApi;
  /** Makes the service push at least one event to `socket` and waits until it has arrived. */
  pushEvent(socket: HostSocket): Promise<void>;
  /** Unlocks the workspace as its admin through `socket`. */
  unlockThrough(socket: HostSocket): Promise<void>;
  close(): Promise<void>;
}

export async function startHostedApi(_dir: string): Promise<HostedTestApi> {
  let state = 'locked';
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const service: HostedApi = {
    async call(method: string, rawArgs: unknown): Promise<ApiOutcome<unknown>> {
      if (!Object.hasOwn(contract, method)) return { ok: false, error: { code: 'VALIDATION', message: 'unknown method' } };
      const spec = contract[method as keyof typeof contract];
      const parsed = spec.args.safeParse(rawArgs);
      if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'bad args' } };
      if (method === 'session.unlock') state = 'unlocked';
      return { ok: true, result: { state, workspace: null, user: null, idleLockMinutes: 15 } };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    service,
    async pushEvent(socket) {
      for (const listener of listeners) listener('session.locked', { reason: 'user' });
      while (socket.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async unlockThrough(socket) {
      await socket.call('session.unlock', { passphrase: 'x' });
    },
    async close() {},
  };
}
