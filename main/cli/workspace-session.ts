// The one place the CLI reaches past main/services: the services take an unlocked Workspace and an EnginePool
// but do not yet offer a way to make them. When they do, only these two imports change.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- see above
import { Workspace } from '../store/workspace.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- see above
import { EnginePool } from '../workers/pool.ts';
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
  const workspace = await Workspace.open({ path: options.db, ...(options.user ? { username: options.user } : {}), passphrase });
  try {
    return await work(workspace);
  } finally {
    workspace.close();
  }
}

export async function createWorkspace(options: { db: string; user: string; passphrase: string }): Promise<{ path: string; keyringPath: string; id: string; admin: string }> {
  const workspace = await Workspace.create({ path: options.db, username: options.user, passphrase: options.passphrase, now: new Date() });
  const created = { path: workspace.path, keyringPath: workspace.keyringPath, id: workspace.id, admin: workspace.user.username };
  workspace.close();
  return created;
}

/** One worker thread is plenty for a single job; it is shut down when `work` ends. */
export async function withEnginePool<T>(work: (pool: EnginePool) => Promise<T>): Promise<T> {
  const pool = new EnginePool({ size: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
