// Replacing a workspace (database and keyring) by another, crash-safe. The two files cannot be renamed at once, and a
// workspace whose keyring and database come from different pairs does not open (KEYRING_MISMATCH), so the swap is
// announced first: a marker beside the target names the staged pair, and whoever finds the marker finishes the swap.
//
// Every step after the marker is idempotent and each rename happens only if its source is still there, so a kill at
// any moment, or two processes finishing the same swap at once, ends with the new pair once `recoverInterruptedSwap`
// has run; without a marker the target is never touched. Staged files without a marker are an unfinished staging:
// recovery cannot tell whose they are (a live process may still be writing them) and leaves them alone. Their owner
// names them in the target's pending outputs (pending-outputs.ts) so that the next unlock removes them once that
// owner has died; restore also removes its own staging when it runs again.
import fs from 'node:fs';
import path from 'node:path';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { fsyncDirectory, writeFileAtomic } from './atomic-file.ts';
import { keyringPathFor } from './keyring.ts';

const MARKER_FORMAT = 'riskdesk-workspace-swap';

export function swapMarkerPathFor(target: string): string {
  return `${target}.swap`;
}

function isPresent(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/** A rename over one's own files, rename(2) replaces the target atomically; another process may have done it already. */
function renameIfPresent(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Same folder: a rename cannot cross file systems, and a marker cannot send a swap anywhere else. */
function checkPair(staged: string, target: string): void {
  if (!path.isAbsolute(staged) || path.dirname(staged) !== path.dirname(target) || staged === target) {
    throw new RiskDeskError('INTERNAL', `internal: a workspace swap needs a staged copy beside ${target}, not ${staged}.`);
  }
}

/**
 * The steps after the marker, each safe to repeat. The target's -wal and -shm are the old database's (a WAL left
 * beside the new file would be replayed into it), so they go only while the staged database has not moved yet: after
 * that they may be the new database's own.
 */
function finishSwap(staged: string, target: string): void {
  if (isPresent(staged)) for (const stale of [`${target}-wal`, `${target}-shm`]) fs.rmSync(stale, { force: true });
  renameIfPresent(keyringPathFor(staged), keyringPathFor(target));
  renameIfPresent(staged, target);
  fsyncDirectory(path.dirname(target));
  // Not synced: a marker that comes back after a power cut names files that are gone, and recovery only removes it.
  fs.rmSync(swapMarkerPathFor(target), { force: true });
}

/**
 * Moves `staged` and its keyring over `target` and its keyring. `staged` must be complete and closed (checkpointed, no
 * -wal) with its keyring beside it, both synced to disk: from the moment the marker is written, the old pair is gone
 * for good and the swap only ever rolls forward.
 */
export function swapInWorkspace(stagedPath: string, targetPath: string): void {
  const [staged, target] = [path.resolve(stagedPath), path.resolve(targetPath)];
  checkPair(staged, target);
  for (const file of [staged, keyringPathFor(staged)]) {
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new RiskDeskError('INTERNAL', `internal: the staged workspace file ${file} is missing; ${target} was not touched.`);
  }
  if ((fs.statSync(`${staged}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    throw new RiskDeskError('INTERNAL', `internal: the staged workspace ${staged} is still open (its -wal holds changes); ${target} was not touched.`);
  }
  writeFileAtomic(swapMarkerPathFor(target), `${JSON.stringify({ format: MARKER_FORMAT, version: 1, staged })}\n`);
  finishSwap(staged, target);
}

function stagedPathIn(marker: string, text: string, target: string): string {
  let staged: unknown;
  try {
    const parsed = JSON.parse(text) as { format?: unknown; staged?: unknown };
    if (parsed.format === MARKER_FORMAT) staged = parsed.staged;
  } catch {
    // Named below: the marker is written atomically, so only someone else's hand damages it.
  }
  // A marker naming anything but a file beside the target is not one this module wrote, and sends no rename elsewhere.
  if (typeof staged !== 'string' || !path.isAbsolute(staged) || path.dirname(staged) !== path.dirname(target) || staged === target) {
    throw new RiskDeskError('WORKSPACE_DAMAGED', `${marker} is damaged: it should name the workspace copy that was replacing ${target}. Restore ${target} from a backup, then remove ${marker}.`);
  }
  return staged;
}

/**
 * Finishes a swap that a kill interrupted: with a marker beside `target`, rolls it forward; without one (the usual
 * case, one failed open), does nothing. Call it before anything reads or checks the target.
 */
export function recoverInterruptedSwap(targetPath: string): void {
  const target = path.resolve(targetPath);
  const marker = swapMarkerPathFor(target);
  let text: string;
  try {
    text = fs.readFileSync(marker, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  finishSwap(stagedPathIn(marker, text, target), target);
}
