import fs from 'node:fs';
import path from 'node:path';
import { isProcessRunning } from './process-liveness.ts';

/**
 * Replaces `target` so that a crash leaves either the old or the new content, never a mix:
 * write a temp file beside it, fsync it, rename over the target, then fsync the folder so the rename itself
 * is durable. A caller that must find the temp file again after a kill (pending-outputs.ts) chooses its name.
 */
export function writeFileAtomic(target: string, content: string | Buffer, mode = 0o600, temp = `${target}.${process.pid}.${Date.now()}.tmp`): void {
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(path.dirname(target));
}

/** Syncs a file that something else wrote (SQLite does not sync a `VACUUM INTO` target). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; its rename is durable enough there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A write takes milliseconds; a temp file this old is not being written, even by another machine sharing the folder. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Removes the temp files writeFileAtomic (with its default name, `<target>.<pid>.<ms>.tmp`) left beside `targets`
 * when killed between writing and renaming: regular files only, whose process has ended and which are older than ten
 * minutes, since on a shared drive the pid may be another machine's. One folder listing.
 */
export function removeAbandonedTemps(targets: readonly string[], running: (pid: number) => boolean = isProcessRunning, now = Date.now()): void {
  const resolved = targets.map((target) => path.resolve(target));
  for (const folder of new Set(resolved.map((target) => path.dirname(target)))) {
    const prefixes = resolved.filter((target) => path.dirname(target) === folder).map((target) => `${path.basename(target)}.`);
    for (const name of fs.readdirSync(folder)) {
      const prefix = prefixes.find((each) => name.startsWith(each));
      const pid = prefix === undefined ? undefined : /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))?.[1];
      if (pid === undefined || running(Number(pid))) continue;
      const file = path.join(folder, name);
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (stat?.isFile() && now - stat.mtimeMs > ABANDONED_AFTER_MS) fs.rmSync(file, { force: true });
    }
  }
}
