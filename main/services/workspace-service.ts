import { EnginePool, type EnginePoolOptions } from '../workers/pool.ts';
import { Workspace } from '../store/workspace.ts';
import type { UnlockThrottle } from '../store/unlock-throttle.ts';

export type { Workspace } from '../store/workspace.ts';
export type { EnginePool } from '../workers/pool.ts';
export { IMPORT_KINDS, type ImportKind } from '../store/records.ts';

/**
 * The front door for transports (CLI, Electron, browser host): they unlock and create workspaces and start
 * engine pools through here, and never reach into the store or the workers themselves.
 */
export function unlockWorkspace(request: { path: string; username?: string; passphrase: string; throttle?: UnlockThrottle }): Promise<Workspace> {
  return Workspace.open(request);
}

export function createWorkspace(request: { path: string; username: string; passphrase: string; now?: Date }): Promise<Workspace> {
  return Workspace.create({ ...request, now: request.now ?? new Date() });
}

export function createEnginePool(options: EnginePoolOptions = {}): EnginePool {
  return new EnginePool(options);
}
