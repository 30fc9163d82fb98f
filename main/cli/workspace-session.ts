import { createEnginePool, createWorkspace as createNewWorkspace, unlockWorkspace, type EnginePool, type Workspace } from '../services/workspace-service.ts';
import type { CommandOutput } from './cli-io.ts';
import { readPassphrase } from './passphrase.ts';

/** The options every command that unlocks a workspace takes. */
export interface UnlockOptions {
  readonly db: string;
  readonly user?: string;
  readonly passphraseFile?: string;
}

export function actingPassphrase(out: CommandOutput, options: UnlockOptions, commandPath: string, confirm = false): Promise<string> {
  return readPassphrase(out, {
    file: options.passphraseFile,
    fileOption: '--passphrase-file',
    envVar: 'RISKDESK_PASSPHRASE',
    prompt: options.user ? `Passphrase for ${options.user}` : 'Passphrase',
    confirm,
    commandPath,
  });
}

/** Unlocks the workspace as `--user` (default: the keyring's default user), runs `work`, and always closes it. */
export async function withWorkspace<T>(options: UnlockOptions, passphrase: string, work: (workspace: Workspace) => Promise<T>): Promise<T> {
  const workspace = await unlockWorkspace({ path: options.db, ...(options.user ? { username: options.user } : {}), passphrase });
  try {
    return await work(workspace);
  } finally {
    workspace.close();
  }
}

export async function createWorkspace(options: { db: string; user: string; passphrase: string }): Promise<{ path: string; keyringPath: string; id: string; admin: string }> {
  const workspace = await createNewWorkspace({ path: options.db, username: options.user, passphrase: options.passphrase });
  const created = { path: workspace.path, keyringPath: workspace.keyringPath, id: workspace.id, admin: workspace.user.username };
  workspace.close();
  return created;
}

/** One worker thread is plenty for a single job; it is shut down when `work` ends. */
export async function withEnginePool<T>(work: (pool: EnginePool) => Promise<T>): Promise<T> {
  const pool = createEnginePool({ size: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
