import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openEncryptedDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';

/**
 * A migrated, encrypted workspace in a fresh temporary directory with a random key, for the demo's tests
 * and benchmark: they measure and check the real thing (SQLCipher, WAL, foreign keys), not an in-memory copy.
 */
export interface TempWorkspace {
  readonly db: Db;
  readonly path: string;
  /** Closes the database and deletes the directory with its WAL and shared-memory files. */
  dispose(): void;
}

export function openTempWorkspace(): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'riskdesk-demo-'));
  const path = join(dir, 'workspace.riskdesk');
  const db = openEncryptedDatabase(path, randomBytes(32), { create: true });
  migrate(db, path, undefined, '2025-01-01T00:00:00.000Z');
  return {
    db,
    path,
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
