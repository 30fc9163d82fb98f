import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { isProcessRunning } from '../store/process-liveness.ts';

/**
 * Where a session keeps the plaintext files it makes: CSV exports waiting to be read, and CSV files uploaded
 * for import. They live beside the workspace, in `<workspace>.temp/<host>-<pid>-<random>/`, never in the
 * system's shared temp folder, and go when the session ends.
 *
 * A process that is killed cannot clean up, so whoever comes next does: at start and at every unlock, the
 * folders of this machine's processes that are no longer running are removed (`sweepStaleSessionFolders`).
 * The host name and process id in the folder's name are what make that safe while another RiskDesk (the
 * desktop app and `riskdesk serve`, say) has the same workspace open, also on a shared drive.
 */
export function temporaryRootFor(workspacePath: string): string {
  return `${path.resolve(workspacePath)}.temp`;
}

const FOLDER_NAME = /^(.+)-(\d+)-[0-9a-f]{8}$/;

/** Host names may hold '-' but never a path separator; anything else odd is replaced. */
function hostLabel(): string {
  return os.hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'host';
}

/**
 * Refuses a folder someone else could read or swap: it must be a real directory (not a link), owned by this
 * user and closed to everyone else. It is created that way when missing.
 */
function ensurePrivateDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  const uid = process.getuid?.();
  const foreign = !stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0));
  if (foreign) throw new RiskDeskError('INVALID_ARGUMENT', `${dir} is not a private folder of this user; remove it so that RiskDesk can make its own.`);
}

/**
 * Removes the session folders beside `workspacePath` left by this machine's processes that have ended (a
 * crash, kill -9). Returns the folders removed. A missing or foreign root is left alone.
 */
export function sweepStaleSessionFolders(workspacePath: string, running: (pid: number) => boolean = isProcessRunning): string[] {
  const root = temporaryRootFor(workspacePath);
  let names: string[];
  try {
    if (!fs.lstatSync(root).isDirectory()) return [];
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const host = hostLabel();
  const removed: string[] = [];
  for (const name of names) {
    const match = name.match(FOLDER_NAME);
    if (!match || match[1] !== host) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || running(pid)) continue;
    const folder = path.join(root, name);
    fs.rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/** One session's folder: made (private) on first use, removed with everything in it when the session ends. */
export class SessionFolder {
  readonly dir: string;
  private made = false;

  constructor(workspacePath: string) {
    this.dir = path.join(temporaryRootFor(workspacePath), `${hostLabel()}-${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  /** The path of a new file in the folder, which is created (private) if it is not there yet. */
  pathFor(fileName: string): string {
    if (path.basename(fileName) !== fileName) throw new Error(`internal: ${fileName} is not a plain file name`);
    if (!this.made) {
      ensurePrivateDirectory(path.dirname(this.dir));
      ensurePrivateDirectory(this.dir);
      this.made = true;
    }
    return path.join(this.dir, fileName);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    this.made = false;
  }
}
