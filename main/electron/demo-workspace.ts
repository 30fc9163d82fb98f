import fs from 'node:fs';
import path from 'node:path';
import { contextFor } from '../services/context.ts';
import { runDemo } from '../services/demo-service.ts';
import { createWorkspace } from '../services/workspace-service.ts';
import { DEMO_CREDENTIALS, DEMO_ROLE_USERS } from '../../preload/contract/demo.ts';
import { addUser } from '../services/users-service.ts';

/**
 * The demo workspace that `npm start` (and the desktop app on first start) opens: small-scale synthetic data,
 * an admin with the published DEMO_CREDENTIALS and, with the same passphrase, the users of DEMO_ROLE_USERS for the
 * workflows that need a second person (the demo holds nothing secret and a new user
 * must be able to open it). The unlock screen shows them for workspaces the locator reports as demo, and for no other.
 */
export { DEMO_CREDENTIALS };
const DEMO_SCALE = 'small';
const DEMO_SEED = 1;

export function demoWorkspacePath(home: string): string {
  return path.join(home, 'demo', 'RiskDesk demo.rdw');
}

export interface EnsureDemoOptions {
  readonly now?: () => Date;
  /** Told once, before a first-time creation starts (it takes a few seconds). */
  readonly onCreate?: (file: string) => void;
}

/**
 * Returns the demo workspace's path, creating it first if it does not exist yet. It is built in a staging
 * folder and moved into place keyring first, database last, so an interrupted run never leaves a half-filled
 * demo where the next start would take it for a finished one.
 */
export async function ensureDemoWorkspace(home: string, options: EnsureDemoOptions = {}): Promise<{ path: string; created: boolean }> {
  const file = demoWorkspacePath(home);
  if (fs.existsSync(file)) return { path: file, created: false };
  options.onCreate?.(file);
  const folder = path.dirname(file);
  const staging = path.join(folder, '.creating');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { mode: 0o700 });
  try {
    const now = options.now ?? (() => new Date());
    const workspace = await createWorkspace({ path: path.join(staging, path.basename(file)), ...DEMO_CREDENTIALS, now: now() });
    try {
      const ctx = contextFor(workspace, { now });
      for (const user of DEMO_ROLE_USERS) await addUser(ctx, { ...user, passphrase: DEMO_CREDENTIALS.passphrase });
      await runDemo(ctx, { scale: DEMO_SCALE, seed: DEMO_SEED });
    } finally {
      workspace.close();
    }
    fs.renameSync(workspace.keyringPath, path.join(folder, path.basename(workspace.keyringPath)));
    fs.renameSync(workspace.path, file);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { path: file, created: true };
}
