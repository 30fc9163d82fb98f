import fs from 'node:fs';
import path from 'node:path';

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
