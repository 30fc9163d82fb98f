import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncryptedDatabase, type Db } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';

/**
 * A migrated SQLCipher database with a random key in a fresh temp folder, for tests and benchmarks that
 * need the real thing (encryption, WAL, foreign keys) without the keyring and its slow scrypt unlock.
 */
export interface TempDatabase {
  readonly db: Db;
  readonly dir: string;
  readonly path: string;
  readonly key: Buffer;
  /** Closes the database and deletes the folder with its WAL and shared-memory files. */
  dispose(): void;
}

export function createTempDatabase(prefix = 'riskdesk-', appliedAt?: string): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'workspace.rdw');
  const key = randomBytes(32);
  const db = openEncryptedDatabase(path, key, { create: true });
  migrate(db, path, undefined, appliedAt);
  return {
    db,
    dir,
    path,
    key,
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
