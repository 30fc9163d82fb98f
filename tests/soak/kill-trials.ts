// Kills one kind of command at seeded moments and checks the workspace (and what the command writes) after each.
// The moment is a uniform draw within the command's usual duration, measured first by running it once to the end;
// that run also gives the state after, which every killed run must match, or else the state before, table by table.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeExit, runCli } from './cli-process.ts';
import type { KillKind, SharedInputs } from './kill-kinds.ts';
import { ADMIN_PASSPHRASE, type BaseWorkspaces, countDifferences, countWorkspace, type WorkspaceCounts } from './kill-workspaces.ts';

export interface KillFailure {
  readonly seed: number;
  readonly delayMs: number;
  readonly problems: readonly string[];
  /** Kept for a look at what went wrong. */
  readonly dir: string;
}

export interface KindTally {
  readonly kind: string;
  /** The uninterrupted run's duration, which the kill moments are drawn within. */
  readonly usualMs: number;
  tried: number;
  /** Runs the SIGKILL ended (the others finished first). */
  killed: number;
  /** Workspaces found as before the command, and as after it. */
  asBefore: number;
  asAfter: number;
  survived: number;
  /** Files other than the workspace's own left in the folder after the next unlock; temporary ones are also failures. */
  leftovers: Record<string, number>;
  readonly failures: KillFailure[];
}

const WORKSPACE_FILES = new Set(['desk.rdw', 'desk.rdw.keyring', 'desk.rdw-wal', 'desk.rdw-shm', 'backup.rdw', 'backup.rdw.keyring', 'pack.zip']);

/** Names of what a trial left beyond the workspace and the command's final outputs, with the random parts blanked. */
function leftoversIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => !WORKSPACE_FILES.has(name)).map((name) => name.replace(/[0-9a-f]{8,}|\d{3,}/g, '…'));
}

/**
 * The temporary names writers use (a backup's `.partial` copy, a restore's `.restoring` and a re-key's `.rekeying` staging, a pack's
 * `.partial-<hex>` zip, an atomic write's `.tmp`), the swap marker and the list of pending outputs: the unlock after a
 * kill finishes or removes each of them, so one still there after it is a defect.
 */
const TEMPORARY_FILE = /\.(partial|restoring|rekeying)([-.]|$)|\.swap$|\.tmp$|\.pending-outputs$/;

/** The workspace after a command: audit verify passes, and it opens with the admin's passphrase. */
async function verifiedCounts(workspace: string): Promise<{ problem: string } | { counts: WorkspaceCounts }> {
  const verified = await runCli(['audit', 'verify', '--db', workspace], ADMIN_PASSPHRASE);
  if (verified.code !== 0) return { problem: `audit verify: ${describeExit(verified)}` };
  try {
    return { counts: await countWorkspace(workspace) };
  } catch (error) {
    return { problem: `does not open with the admin's passphrase: ${(error as Error).message}` };
  }
}

/** Its rows are all of before or all of after, table by table. */
function stateProblems(counts: WorkspaceCounts, expected: { before: WorkspaceCounts; after: WorkspaceCounts }): { problems: string[]; state?: 'before' | 'after' } {
  const fromBefore = countDifferences(expected.before.rows, counts.rows);
  if (fromBefore.length === 0) return { problems: [], state: 'before' };
  const fromAfter = countDifferences(expected.after.rows, counts.rows);
  if (fromAfter.length === 0) return { problems: [], state: 'after' };
  return { problems: [`rows neither as before nor as after: from before ${fromBefore.join(', ')}; from after ${fromAfter.join(', ')}`] };
}

/**
 * The moment for a seed, uniform in [0, 1) of the usual duration. A hash of the seed rather than a generator's first
 * draw: xoroshiro128+ seeded with neighbouring small integers starts with nearly the same value.
 */
function killFraction(seed: number): number {
  return createHash('sha256').update(`kill ${seed}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

export interface KindRunOptions {
  readonly kills: number;
  readonly seed: number;
  /** A folder for the trials; a failed trial's subfolder is kept. */
  readonly dir: string;
  readonly log?: (line: string) => void;
}

export async function runKillTrials(kind: KillKind, bases: BaseWorkspaces, shared: SharedInputs, options: KindRunOptions): Promise<KindTally> {
  const measureDir = fs.mkdtempSync(path.join(options.dir, `${kind.name}-measure-`));
  const measured = kind.trial(bases, measureDir, shared);
  const before = await countWorkspace(measured.workspace);
  const run = await runCli(measured.args, measured.passphrase);
  if (run.code !== 0) throw new Error(`${kind.name} did not complete when run to the end: ${describeExit(run)}`);
  const afterRun = await verifiedCounts(measured.workspace);
  if ('problem' in afterRun) throw new Error(`${kind.name} run to the end: ${afterRun.problem}`);
  const after = afterRun.counts;
  fs.rmSync(measureDir, { recursive: true, force: true });

  const tally: KindTally = { kind: kind.name, usualMs: Math.round(run.ms), tried: 0, killed: 0, asBefore: 0, asAfter: 0, survived: 0, leftovers: {}, failures: [] };
  options.log?.(`${kind.name}: runs ${tally.usualMs} ms to the end; ${options.kills} kills from seed ${options.seed}`);
  // A trial that outran its kill measured the run again: the machine's load changes during a soak, and kills aimed
  // at a duration measured under heavier load would land after the end.
  let fullRunMs = run.ms;
  for (let i = 0; i < options.kills; i += 1) {
    const seed = options.seed + i;
    const delayMs = Math.round(killFraction(seed) * fullRunMs);
    const dir = fs.mkdtempSync(path.join(options.dir, `${kind.name}-${seed}-`));
    const trial = kind.trial(bases, dir, shared);
    const exit = await runCli(trial.args, trial.passphrase, { killAfterMs: delayMs });
    tally.tried += 1;
    const problems: string[] = [];
    if (exit.signal === 'SIGKILL') tally.killed += 1;
    else if (exit.code !== 0) problems.push(`finished before the kill, but failed: ${describeExit(exit)}`);
    else fullRunMs = exit.ms;
    const found = await verifiedCounts(trial.workspace);
    const checked = 'problem' in found ? { problems: [found.problem] } : stateProblems(found.counts, { before, after });
    problems.push(...checked.problems);
    if (checked.state === 'before') tally.asBefore += 1;
    if (checked.state === 'after') tally.asAfter += 1;
    // Counted before the output checks, which unlock backups and rerun restores (and so tidy up themselves), and after
    // the unlocks above, which remove what the killed command left.
    const leftovers = leftoversIn(dir);
    for (const name of leftovers) tally.leftovers[name] = (tally.leftovers[name] ?? 0) + 1;
    const temporary = leftovers.filter((name) => TEMPORARY_FILE.test(name));
    if (temporary.length) problems.push(`left after the next unlock: ${temporary.join(', ')}`);
    if (kind.checkOutput) problems.push(...(await kind.checkOutput(bases, dir, trial)));
    if (problems.length) {
      tally.failures.push({ seed, delayMs, problems, dir });
      options.log?.(`${kind.name} seed ${seed} (kill at ${delayMs} ms): FAILED: ${problems.join('; ')} [kept ${dir}]`);
    } else {
      tally.survived += 1;
      options.log?.(`${kind.name} seed ${seed} (kill at ${delayMs} ms): ${exit.signal === 'SIGKILL' ? 'killed' : 'finished first'}, found as ${checked.state ?? '?'}: ok (${tally.survived}/${tally.tried})`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return tally;
}
