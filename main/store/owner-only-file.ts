import fs from 'node:fs';

/** Workspace, backup and keyring files are readable and writable by their owner only. */
const OWNER_ONLY = 0o600;
const COPY_CHUNK_BYTES = 1024 * 1024;

/**
 * Opens a new file (never an existing one) that is owner-only before it holds a byte. The mode is set again
 * after creation because the umask only ever takes bits away: the result is exactly 0600 whatever it is.
 */
export function openOwnerOnly(file: string): number {
  const fd = fs.openSync(file, 'wx', OWNER_ONLY);
  try {
    fs.fchmodSync(fd, OWNER_ONLY);
    return fd;
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/**
 * Creates an empty owner-only file for SQLite to fill (`VACUUM INTO` accepts an empty target). SQLite keeps
 * the file's mode and gives its -wal, -shm and -journal files the same one.
 */
export function createOwnerOnlyFile(file: string): void {
  fs.closeSync(openOwnerOnly(file));
}

/**
 * Copies `from` into a new owner-only file `to` and syncs it to disk. (fs.copyFileSync would give the copy the
 * mode of `from`, so a world-readable backup would make a world-readable workspace.)
 */
export function copyToOwnerOnlyFile(from: string, to: string): void {
  const source = fs.openSync(from, 'r');
  try {
    const target = openOwnerOnly(to);
    try {
      const chunk = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      for (let read = fs.readSync(source, chunk); read > 0; read = fs.readSync(source, chunk)) {
        for (let written = 0; written < read; ) written += fs.writeSync(target, chunk, written, read - written);
      }
      fs.fsyncSync(target);
    } finally {
      fs.closeSync(target);
    }
  } finally {
    fs.closeSync(source);
  }
}
