import type { Db } from './database.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { Migration } from './migrations/migration.ts';
import { MIGRATIONS } from './migrations/index.ts';

export function currentSchemaVersion(db: Db): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!table) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings a workspace up to this build's schema. Each migration and its record commit together, so a failure
 * leaves the workspace at the last good version. A workspace newer than this build is refused untouched.
 */
export function migrate(db: Db, path: string, migrations: readonly Migration[] = MIGRATIONS, appliedAt = new Date().toISOString()): number[] {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = currentSchemaVersion(db);
  if (current > latest) {
    throw new RiskDeskError(
      'WORKSPACE_TOO_NEW',
      `${path} was written by a newer RiskDesk (schema ${current}); this build reads schema ${latest} at most. Update RiskDesk to open it.`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    try {
      withForeignKeysOffIf(db, migration.rebuildsTables === true, () =>
        db.transaction(() => {
          db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
          migration.up(db);
          if (migration.rebuildsTables) assertReferencesHold(db);
          db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, appliedAt);
        }).immediate(),
      );
    } catch (error) {
      throw new RiskDeskError('MIGRATION_FAILED', `${path}: migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`);
    }
    applied.push(migration.version);
  }
  return applied;
}

/** Steps 1 and 12 of SQLite's table rebuild: foreign keys off around `change`, then back as they were. */
function withForeignKeysOffIf(db: Db, off: boolean, change: () => void): void {
  if (!off) return change();
  const before = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    change();
  } finally {
    db.pragma(`foreign_keys = ${before === 1 ? 'ON' : 'OFF'}`);
  }
}

/** Step 10: with foreign keys off nothing checked the references while the tables were rebuilt. */
function assertReferencesHold(db: Db): void {
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  const first = broken[0];
  if (first) throw new Error(`the rebuild left ${broken.length} broken ${broken.length === 1 ? 'reference' : 'references'}, the first from ${first.table} row ${first.rowid} to ${first.parent}`);
}
