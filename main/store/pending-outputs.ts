// Files a command writes under a temporary name next to a path the user chose (a backup's `.partial` copy, an
// evidence pack's `.partial-<hex>` zip or a report's `.partial-<hex>` PDF, both plaintext) or next to the workspace
// (a restore's `.restoring` staging). A command that is killed cannot remove them, so it names them first in a small
// owner-only list beside the workspace, `W.pending-outputs`, and the next unlock removes those whose process has ended.
//
// Only names with one of the suffixes below are ever removed, whatever the list says (it is a file anyone with the
// folder could edit), and only regular files (never a link's target). Two processes updating the list at once are not
// serialised: the later write can drop the other's entry. What that loses is at worst a leftover the next unlock does
// not know about, never a user's file, and never a file of a process still running (it is skipped by pid and host).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';
import { sqliteSideFiles } from './database.ts';
import { keyringPathFor } from './keyring.ts';
import { isProcessRunning } from './process-liveness.ts';

interface PendingOutput {
  readonly file: string;
  readonly host: string;
  readonly pid: number;
}

/** The temporary names the writers use, and the files that go with each (SQLite's journals, a copy's keyring). */
const TEMPORARY_NAMES: readonly { readonly name: RegExp; readonly companions: (file: string) => string[] }[] = [
  // backup-service.ts: a backup's copy, and a restore's staging copy; rekey-service.ts: a re-key's staging copy.
  { name: /\.(partial|restoring|rekeying)$/, companions: (file) => [...sqliteSideFiles(file), keyringPathFor(file)] },
  // evidence/bag-writer.ts: a pack being zipped; export/new-export-file.ts: a report (PDF) being written.
  { name: /\.partial-[0-9a-f]{12}$/, companions: () => [] },
];

function temporaryKind(file: string): (typeof TEMPORARY_NAMES)[number] | undefined {
  return path.isAbsolute(file) ? TEMPORARY_NAMES.find((kind) => kind.name.test(file)) : undefined;
}

export function pendingOutputsPathFor(workspace: string): string {
  return `${path.resolve(workspace)}.pending-outputs`;
}

function isPendingOutput(entry: unknown): entry is PendingOutput {
  const e = entry as Partial<PendingOutput> | null;
  return typeof e?.file === 'string' && typeof e.host === 'string' && Number.isSafeInteger(e.pid) && (e.pid ?? 0) > 0;
}

/** A damaged list reads as empty: what it named becomes a leftover, which is all a lost entry ever costs. */
function readList(list: string): PendingOutput[] {
  let text: string;
  try {
    text = fs.readFileSync(list, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isPendingOutput) : [];
  } catch {
    return [];
  }
}

/** An empty list is no file, so a folder with nothing pending holds nothing extra. */
function writeList(list: string, entries: readonly PendingOutput[]): void {
  if (entries.length === 0) fs.rmSync(list, { force: true });
  else writeFileAtomic(list, `${JSON.stringify(entries, null, 2)}\n`);
}

const isMine = (entry: PendingOutput, file: string): boolean => entry.file === file && entry.pid === process.pid && entry.host === os.hostname();

/** The pending outputs of one workspace, for a writer: `add` before the temporary file exists, `remove` once it is gone. */
export interface PendingOutputs {
  add(file: string): void;
  remove(file: string): void;
}

export function pendingOutputsOf(workspace: string): PendingOutputs {
  const list = pendingOutputsPathFor(workspace);
  return {
    add(file) {
      const resolved = path.resolve(file);
      if (!temporaryKind(resolved)) throw new Error(`internal: ${resolved} is not named as a temporary output (see TEMPORARY_NAMES)`);
      const entries = readList(list).filter((entry) => !isMine(entry, resolved));
      writeList(list, [...entries, { file: resolved, host: os.hostname(), pid: process.pid }]);
    },
    remove(file) {
      const resolved = path.resolve(file);
      const entries = readList(list);
      const kept = entries.filter((entry) => !isMine(entry, resolved));
      if (kept.length !== entries.length) writeList(list, kept);
    },
  };
}

/** Removes one temporary file and its companions, regular files only; false if one of them could not go. */
function removeTemporary(file: string, companions: readonly string[]): boolean {
  let removed = true;
  for (const each of [file, ...companions]) {
    try {
      if (fs.lstatSync(each, { throwIfNoEntry: false })?.isFile()) fs.rmSync(each);
    } catch {
      removed = false;
    }
  }
  return removed;
}

/**
 * Removes what killed writers left: the listed files of this machine's processes that have ended, when their names
 * are temporary names. Entries of running processes and of other machines (a workspace on a shared drive) stay.
 * Cheap when nothing is pending: one stat.
 */
export function removeAbandonedOutputs(workspace: string, running: (pid: number) => boolean = isProcessRunning): void {
  const list = pendingOutputsPathFor(workspace);
  if (!fs.existsSync(list)) return;
  const entries = readList(list);
  const host = os.hostname();
  const kept: PendingOutput[] = [];
  for (const entry of entries) {
    if (entry.host !== host || running(entry.pid)) {
      kept.push(entry);
      continue;
    }
    const kind = temporaryKind(entry.file);
    if (!kind) continue;
    // One that could not go (a permission changed since) is tried again at the next unlock.
    if (!removeTemporary(entry.file, kind.companions(entry.file))) kept.push(entry);
  }
  writeList(list, kept);
}
