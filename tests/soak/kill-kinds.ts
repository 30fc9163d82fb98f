// What each kind of kill runs, on which copy of a base workspace, and what it leaves under a final name that must
// then be whole: a backup that opens, a pack that verifies, a restore that completes and round-trips.
import fs from 'node:fs';
import path from 'node:path';
import { keyringPathFor } from '../../main/store/keyring.ts';
import { describeExit, runCli } from './cli-process.ts';
import { ADMIN_PASSPHRASE, auditHashAt, type BaseWorkspaces, copyWorkspace, countDifferences, countWorkspace, ROLE_USERS } from './kill-workspaces.ts';

export interface Trial {
  /** The copy of a base workspace the command runs on. */
  readonly workspace: string;
  readonly args: readonly string[];
  readonly passphrase: string;
}

export interface KillKind {
  readonly name: string;
  /** Runs on the demo portfolio, which takes a minute to prepare. */
  readonly needsDemo: boolean;
  trial(bases: BaseWorkspaces, dir: string, shared: SharedInputs): Trial;
  /** Problems with what the command left under its final name, after the workspace was checked. */
  checkOutput?(bases: BaseWorkspaces, dir: string, trial: Trial): Promise<string[]>;
}

export interface SharedInputs {
  /** A borrowers CSV big enough that its import takes a second or two. */
  readonly borrowersCsv: string;
}

/** Borrowers B1…Bn over a few regions with whole incomes: every row valid, so the import commits all of them. */
export function writeBorrowersCsv(file: string, rows: number): void {
  const regions = ['east', 'west', 'north', 'south'];
  const lines = ['borrower_id,region,annual_income'];
  for (let i = 1; i <= rows; i += 1) lines.push(`B${i},${regions[i % regions.length] ?? 'east'},${30_000 + (i % 97) * 1000}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

function onCopyOf(base: string | undefined, dir: string): string {
  if (!base) throw new Error('this kind needs the demo workspace');
  const workspace = path.join(dir, 'desk.rdw');
  copyWorkspace(base, workspace);
  return workspace;
}

const BACKUP_NAME = 'backup.rdw';
const PACK_NAME = 'pack.zip';

/** A backup under its final name must come with its keyring, open with the admin's passphrase and pass audit verify. */
async function backupProblems(bases: BaseWorkspaces, dir: string, trial: Trial): Promise<string[]> {
  const backup = path.join(dir, BACKUP_NAME);
  if (!fs.existsSync(backup)) return fs.existsSync(keyringPathFor(backup)) ? ['a backup keyring without its database under the final name'] : [];
  if (!fs.existsSync(keyringPathFor(backup))) return ['a backup without its keyring under the final name'];
  const verified = await runCli(['audit', 'verify', '--db', backup], ADMIN_PASSPHRASE);
  if (verified.code !== 0) return [`the backup fails audit verify: ${describeExit(verified)}`];
  const [source, copy] = [await countWorkspace(trial.workspace), await countWorkspace(backup)];
  const differences = countDifferences(source.rows, copy.rows);
  return differences.length ? [`the backup's rows differ from its workspace's: ${differences.join(', ')}`] : [];
}

/** After a re-key, killed or not, every user still unlocks with their own passphrase (the old key or the new one). */
async function everyUserUnlocks(_bases: BaseWorkspaces, _dir: string, trial: Trial): Promise<string[]> {
  const problems: string[] = [];
  for (const user of Object.values(ROLE_USERS)) {
    const verified = await runCli(['audit', 'verify', '--db', trial.workspace, '--user', user.username], user.passphrase);
    if (verified.code !== 0) problems.push(`${user.username} cannot unlock: ${describeExit(verified)}`);
  }
  return problems;
}

/** A pack under its final name must pass `riskdesk evidence verify`. */
async function packProblems(_bases: BaseWorkspaces, dir: string): Promise<string[]> {
  const pack = path.join(dir, PACK_NAME);
  if (!fs.existsSync(pack)) return [];
  const verified = await runCli(['evidence', 'verify', pack], ADMIN_PASSPHRASE);
  return verified.code === 0 ? [] : [`the pack fails evidence verify: ${describeExit(verified)}`];
}

/** After the kill, the same restore run to the end must give the backup's rows and carry its audit head. */
async function restoreRoundTripProblems(bases: BaseWorkspaces, _dir: string, trial: Trial): Promise<string[]> {
  const again = await runCli(trial.args, trial.passphrase);
  if (again.code !== 0) return [`the restore run again after the kill failed: ${describeExit(again)}`];
  const [backup, restored] = [await countWorkspace(bases.backup), await countWorkspace(trial.workspace)];
  const problems = countDifferences(backup.rows, restored.rows).map((d) => `restored rows differ from the backup's: ${d}`);
  if ((await auditHashAt(trial.workspace, backup.audit.seq)) !== backup.audit.hash) problems.push(`the restored audit trail does not carry the backup's head (event ${backup.audit.seq})`);
  return problems;
}

export const KILL_KINDS: readonly KillKind[] = [
  {
    name: 'import',
    needsDemo: false,
    trial: (bases, dir, shared) => {
      const workspace = onCopyOf(bases.empty, dir);
      return { workspace, args: ['import', '--db', workspace, '--kind', 'borrowers', shared.borrowersCsv], passphrase: ADMIN_PASSPHRASE };
    },
  },
  {
    name: 'demo',
    needsDemo: false,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.empty, dir);
      return { workspace, args: ['demo', '--db', workspace, '--scale', 'small', '--seed', '1'], passphrase: ADMIN_PASSPHRASE };
    },
  },
  {
    name: 'credit-run',
    needsDemo: true,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.demo, dir);
      return { workspace, args: ['credit', 'run', '--db', workspace, '--user', ROLE_USERS.analyst.username], passphrase: ROLE_USERS.analyst.passphrase };
    },
  },
  {
    name: 'fraud-run',
    needsDemo: true,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.demo, dir);
      return { workspace, args: ['fraud', 'run', '--db', workspace, '--user', ROLE_USERS.analyst.username], passphrase: ROLE_USERS.analyst.passphrase };
    },
  },
  {
    name: 'backup',
    needsDemo: false,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.demo ?? bases.empty, dir);
      return { workspace, args: ['backup', '--db', workspace, '--to', path.join(dir, BACKUP_NAME)], passphrase: ADMIN_PASSPHRASE };
    },
    checkOutput: backupProblems,
  },
  {
    name: 'restore',
    needsDemo: false,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.empty, dir);
      return { workspace, args: ['restore', '--from', bases.backup, '--db', workspace, '--force'], passphrase: ADMIN_PASSPHRASE };
    },
    checkOutput: restoreRoundTripProblems,
  },
  {
    name: 'rekey',
    needsDemo: false,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.demo ?? bases.empty, dir);
      return { workspace, args: ['user', 'rekey', '--db', workspace], passphrase: ADMIN_PASSPHRASE };
    },
    checkOutput: everyUserUnlocks,
  },
  {
    name: 'evidence-export',
    needsDemo: false,
    trial: (bases, dir) => {
      const workspace = onCopyOf(bases.demo ?? bases.empty, dir);
      return { workspace, args: ['evidence', 'export', '--db', workspace, '--from', '2024-01-01', '--to', '2024-12-31', '--out', path.join(dir, PACK_NAME)], passphrase: ADMIN_PASSPHRASE };
    },
    checkOutput: packProblems,
  },
];

export function killKind(name: string): KillKind {
  const kind = KILL_KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`unknown kind ${name}; the kinds are ${KILL_KINDS.map((k) => k.name).join(', ')}`);
  return kind;
}
