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
import { fsyncDirectory } from './atomic-file.ts';
import { keyringPathFor } from './keyring.ts';
import { openOwnerOnly } from './owner-only-file.ts';

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
  // A marker left by an earlier swap is finished first: its staged pair is older than this one.
  recoverInterruptedSwap(target);
  writeMarker(staged, target);
  finishSwap(staged, target);
}

/**
 * Written in place rather than through a temporary file (which a kill would leave behind): a marker cut short by a
 * kill does not parse, and since nothing moves before the marker is whole and synced, recovery then just drops it.
 * Another process's recovery may drop this one while it is still empty; it is checked to be still in place once whole.
 */
function writeMarker(staged: string, target: string): void {
  const marker = swapMarkerPathFor(target);
  const fd = openOwnerOnly(marker);
  try {
    fs.writeFileSync(fd, `${JSON.stringify({ format: MARKER_FORMAT, version: 1, staged })}\n`);
    fs.fsyncSync(fd);
    if (fs.statSync(marker, { throwIfNoEntry: false })?.ino !== fs.fstatSync(fd).ino) {
      throw new RiskDeskError('INVALID_STATE', `Another RiskDesk opened ${target} while it was about to be replaced; nothing was changed. Close it and try again.`);
    }
  } finally {
    fs.closeSync(fd);
  }
  fsyncDirectory(path.dirname(target));
}

/** The staged path a whole marker names; undefined for one a kill cut short (nothing had moved yet). */
function stagedPathIn(marker: string, text: string, target: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { format, staged } = (parsed ?? {}) as { format?: unknown; staged?: unknown };
  // A whole marker naming anything but a file beside the target is not one this module wrote: no rename goes elsewhere.
  if (format !== MARKER_FORMAT || typeof staged !== 'string' || !path.isAbsolute(staged) || path.dirname(staged) !== path.dirname(target) || staged === target) {
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
  const staged = stagedPathIn(marker, text, target);
  if (staged === undefined) fs.rmSync(marker, { force: true });
  else finishSwap(staged, target);
}
