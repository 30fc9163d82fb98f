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
      db.transaction(() => {
        db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
        migration.up(db);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, appliedAt);
      }).immediate();
    } catch (error) {
      throw new RiskDeskError('MIGRATION_FAILED', `${path}: migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`);
    }
    applied.push(migration.version);
  }
  return applied;
}
