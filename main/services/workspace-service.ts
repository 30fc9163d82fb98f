import { EnginePool, type EnginePoolOptions } from '../workers/pool.ts';
import fs from 'node:fs';
import { Workspace } from '../store/workspace.ts';
import { swapMarkerPathFor } from '../store/workspace-swap.ts';
import type { UnlockThrottle } from '../store/unlock-throttle.ts';
import { contextFor } from './context.ts';
import { SHIPPED_PLAYBOOKS, SHIPPED_SLA_TABLE } from './case-artefacts.ts';
import { SHIPPED_CREDIT_PARAMETERS } from './credit/credit-artefacts.ts';
import { SHIPPED_RULE_SET } from './fraud/rule-sets.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS } from './liquidity/parameter-sets.ts';
import { recoverInterruptedDemo } from './demo-service.ts';
import { seedShippedDefaults, type ShippedDefault } from './shipped-defaults.ts';
import { fileUnfiledAlerts } from './case-artefacts.ts';

export type { Workspace } from '../store/workspace.ts';
export type { EnginePool } from '../workers/pool.ts';

/** Every default RiskDesk ships in resources/, one per kind that has one; a kind that ships a default adds it here. */
export const SHIPPED_DEFAULTS: readonly ShippedDefault[] = [SHIPPED_CREDIT_PARAMETERS, SHIPPED_SLA_TABLE, SHIPPED_PLAYBOOKS, SHIPPED_RULE_SET, SHIPPED_LIQUIDITY_PARAMETERS];

/**
 * The front door for transports (CLI, Electron, browser host): they unlock and create workspaces and start
 * engine pools through here, and never reach into the store or the workers themselves.
 */
export async function unlockWorkspace(request: { path: string; username?: string; passphrase: string; throttle?: UnlockThrottle; now?: () => Date }): Promise<Workspace> {
  const workspace = await Workspace.open(request);
  try {
    // A demo run whose process died left committed rows and suspended indexes; they go before anyone sees them,
    // whoever unlocks. Here rather than in Workspace.open because the store knows nothing of the demo.
    recoverInterruptedDemo(contextFor(workspace, { now: request.now }));
    // A kind that shipped its default after this workspace was created gets it now; kinds with versions are left alone.
    seedShippedDefaults(workspace.db, request.now?.() ?? new Date(), SHIPPED_DEFAULTS);
    // Alerts raised before cases existed are filed now, by the SLA table and playbooks just seeded.
    fileUnfiledAlerts(workspace.db, request.now?.() ?? new Date());
    return workspace;
  } catch (error) {
    workspace.close();
    throw error;
  }
}

export function createWorkspace(request: { path: string; username: string; passphrase: string; now?: Date }): Promise<Workspace> {
  const now = request.now ?? new Date();
  // Inside the creation's transaction: a workspace never exists without its shipped defaults.
  return Workspace.create({ ...request, now, initialise: (db) => seedShippedDefaults(db, now, SHIPPED_DEFAULTS) });
}

/**
 * Whether a workspace is there to be opened: its file, or the marker of a restore or re-key that was cut short
 * between its renames (the file may be missing for that moment), which opening it rolls forward.
 */
export function workspaceIsPresent(file: string): boolean {
  return fs.existsSync(file) || fs.existsSync(swapMarkerPathFor(file));
}

export function createEnginePool(options: EnginePoolOptions = {}): EnginePool {
  return new EnginePool(options);
}
