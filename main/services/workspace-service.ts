import { EnginePool, type EnginePoolOptions } from '../workers/pool.ts';
import { Workspace } from '../store/workspace.ts';
import type { UnlockThrottle } from '../store/unlock-throttle.ts';
import { contextFor } from './context.ts';
import { recoverInterruptedDemo } from './demo-service.ts';

export type { Workspace } from '../store/workspace.ts';
export type { EnginePool } from '../workers/pool.ts';
export { IMPORT_KINDS, type ImportKind } from '../store/records.ts';

/**
 * The front door for transports (CLI, Electron, browser host): they unlock and create workspaces and start
 * engine pools through here, and never reach into the store or the workers themselves.
 */
export async function unlockWorkspace(request: { path: string; username?: string; passphrase: string; throttle?: UnlockThrottle; now?: () => Date }): Promise<Workspace> {
  const workspace = await Workspace.open(request);
  try {
    // A demo run whose process died left committed rows and suspended indexes; they go before anyone sees them,
    // whoever unlocks. Here rather than in Workspace.open because the store knows nothing of the demo.
    recoverInterruptedDemo(contextFor(workspace, request.now));
    return workspace;
  } catch (error) {
    workspace.close();
    throw error;
  }
}

export function createWorkspace(request: { path: string; username: string; passphrase: string; now?: Date }): Promise<Workspace> {
  return Workspace.create({ ...request, now: request.now ?? new Date() });
}

export function createEnginePool(options: EnginePoolOptions = {}): EnginePool {
  return new EnginePool(options);
}
