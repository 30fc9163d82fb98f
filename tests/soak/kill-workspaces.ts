// The workspaces the kill runs start from, made once in-process (faster than through the CLI) and copied for
// every kill, and what a workspace holds as the kill checks compare it: the row count of every table.
import fs from 'node:fs';
import path from 'node:path';
import { backupWorkspace } from '../../main/services/backup-service.ts';
import { contextFor } from '../../main/services/context.ts';
import { createEnginePool, unlockWorkspace } from '../../main/services/workspace-service.ts';
import { activateTestModel } from '../../main/test-support/active-test-model.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS } from '../../main/test-support/api-test-workspace.ts';
import { keyringPathFor } from '../../main/store/keyring.ts';

export { ADMIN_PASSPHRASE, ROLE_USERS };

export interface BaseWorkspaces {
  /** Users of every role, no data. */
  readonly empty: string;
  /** Users of every role, the small demo portfolio and an active scorecard (absent when not asked for). */
  readonly demo?: string;
  /** A good backup of `demo`, or of `empty` without it. */
  readonly backup: string;
}

/** The database, its keyring and any WAL, copied to `to` (a new file). */
export function copyWorkspace(from: string, to: string): void {
  for (const [source, target] of [[from, to], [keyringPathFor(from), keyringPathFor(to)], [`${from}-wal`, `${to}-wal`]] as const) {
    if (fs.existsSync(source)) fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  }
}

async function newWorkspace(dir: string, name: string, demo: boolean): Promise<string> {
  const made = await createTestWorkspace({ roles: true, demo });
  try {
    const file = path.join(dir, name);
    copyWorkspace(made.file, file);
    return file;
  } finally {
    await made.dispose();
  }
}

/** A scorecard developed by the analyst, approved and activated by compliance: what `credit run` needs. */
async function activateModel(file: string): Promise<void> {
  const pool = createEnginePool({ size: 1 });
  const analyst = await unlockWorkspace({ path: file, ...ROLE_USERS.analyst });
  const compliance = await unlockWorkspace({ path: file, ...ROLE_USERS.compliance });
  try {
    await activateTestModel(contextFor(analyst, { pool: () => pool }), contextFor(compliance), 'kill-test scorecard');
  } finally {
    analyst.close();
    compliance.close();
    await pool.close();
  }
}

async function backUp(file: string, to: string): Promise<void> {
  const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE });
  try {
    await backupWorkspace(contextFor(workspace), { to });
  } finally {
    workspace.close();
  }
}

export async function prepareBaseWorkspaces(dir: string, options: { demo: boolean }): Promise<BaseWorkspaces> {
  const empty = await newWorkspace(dir, 'empty.rdw', false);
  if (!options.demo) {
    const backup = path.join(dir, 'empty-backup.rdw');
    await backUp(empty, backup);
    return { empty, backup };
  }
  const demo = await newWorkspace(dir, 'demo.rdw', true);
  await activateModel(demo);
  const backup = path.join(dir, 'demo-backup.rdw');
  await backUp(demo, backup);
  return { empty, demo, backup };
}

/** Row counts of every table but the audit trail, and the trail's length and head. */
export interface WorkspaceCounts {
  readonly rows: Readonly<Record<string, number>>;
  readonly audit: { readonly seq: number; readonly hash: string };
}

/** Unlocks `file` as the admin (the check that it opens with the right passphrase) and counts its rows. */
export async function countWorkspace(file: string): Promise<WorkspaceCounts> {
  const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE });
  try {
    const { db } = workspace;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_events' ORDER BY name`).pluck().all() as string[];
    const rows = Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]));
    const audit = (db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: '' };
    return { rows, audit };
  } finally {
    workspace.close();
  }
}

/** The hash of the audit event `seq` in `file`: a restored trail must carry the backup's head unchanged. */
export async function auditHashAt(file: string, seq: number): Promise<string | undefined> {
  const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE });
  try {
    return workspace.db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(seq) as string | undefined;
  } finally {
    workspace.close();
  }
}

/** Tables whose counts differ between two states, as `table a→b`. */
export function countDifferences(a: WorkspaceCounts['rows'], b: WorkspaceCounts['rows']): string[] {
  const tables = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return tables.filter((t) => a[t] !== b[t]).map((t) => `${t} ${a[t] ?? '-'}→${b[t] ?? '-'}`);
}
