import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * One schema step. `version` is the number in the file name (0010 → 10); versions only grow, and a
 * migration never changes once released: later changes are new files.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Set by a migration that rebuilds a table other tables reference (SQLite's 12-step way to change what ALTER
   * TABLE cannot, such as a CHECK constraint): foreign keys must be off to drop and re-create it, and SQLite only
   * switches them outside a transaction. migrate() does so around the migration and runs PRAGMA foreign_key_check
   * before it commits, so a rebuild that broke a reference rolls back.
   */
  readonly rebuildsTables?: true;
  up(db: Database): void;
}
