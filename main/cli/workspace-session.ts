import { contextFor, type ServiceContext } from '../services/context.ts';
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

/**
 * Unlocks the workspace as `--user` (default: the keyring's default user) and runs `work` with the services' context
 * of that user, which reads through the workspace's own connection (one command a process: nothing else writes
 * meanwhile) and starts one engine worker thread if `work` needs one. The workspace is there for what the context
 * leaves out: a writing job's writer spec. The worker and the workspace are always closed when `work` ends.
 */
export async function withServiceContext<T>(options: UnlockOptions, passphrase: string, work: (ctx: ServiceContext, workspace: Workspace) => Promise<T>): Promise<T> {
  const workspace = await unlockWorkspace({ path: options.db, ...(options.user ? { username: options.user } : {}), passphrase });
  let pool: EnginePool | undefined;
  try {
    return await work(contextFor(workspace, { pool: () => (pool ??= createEnginePool({ size: 1 })) }), workspace);
  } finally {
    try {
      await pool?.close();
    } finally {
      workspace.close();
    }
  }
}

export async function createWorkspace(options: { db: string; user: string; passphrase: string }): Promise<{ path: string; keyringPath: string; id: string; admin: string }> {
  const workspace = await createNewWorkspace({ path: options.db, username: options.user, passphrase: options.passphrase });
  const created = { path: workspace.path, keyringPath: workspace.keyringPath, id: workspace.id, admin: workspace.user.username };
  workspace.close();
  return created;
}
