import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after } from 'node:test';
import { openEncryptedDatabase, type Db } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import { SAMPLE_ROWS } from './schema-sample-rows.ts';
import { tempDir } from './temp-workspace.ts';

/** A real encrypted database file at some schema version, for testing the migrations after it. */
export interface DatabaseAtSchema {
  /** The open connection (a new one after `reopen`). */
  readonly db: Db;
  readonly file: string;
  readonly key: Buffer;
  /** Applies this build's migrations after the current version, up to and including `version`; returns those applied. */
  migrateTo(version: number): number[];
  /** Closes the connection and opens the file again with its key, as the next unlock would. */
  reopen(): Db;
}

/**
 * A database with a random key in a temp folder, migrated one version at a time up to `version`, with each
 * version's SAMPLE_ROWS inserted right after its migration (`sampleRows: false` leaves every table empty). The
 * connection is closed and the folder removed when the test file ends.
 */
export function databaseAtSchema(version: number, options: { sampleRows?: boolean } = {}): DatabaseAtSchema {
  const file = path.join(tempDir('riskdesk-schema-'), 'workspace.rdw');
  const key = randomBytes(32);
  let db = openEncryptedDatabase(file, key, { create: true });
  after(() => {
    if (db.open) db.close();
  });
  const migrateTo = (target: number): number[] => migrate(db, file, MIGRATIONS.filter((m) => m.version <= target));
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
    migrateTo(migration.version);
    if (options.sampleRows !== false) SAMPLE_ROWS[migration.version]?.(db);
  }
  return {
    get db() {
      return db;
    },
    file,
    key,
    migrateTo,
    reopen() {
      db.close();
      db = openEncryptedDatabase(file, key);
      return db;
    },
  };
}

/** Every row of every table (schema_migrations aside) by table name, in a stable order. */
function everyRow(db: Db): Record<string, unknown[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const width = db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(table) as number;
      const order = Array.from({ length: width }, (_, index) => index + 1).join(', ');
      return [table, db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all()];
    }),
  );
}

/**
 * Migration `version` applied to a database at the schema before it, holding every sample row up to then: the file
 * reopened afterwards, and every row it held before.
 */
export function migratedWithSampleRows(version: number): { db: Db; before: Record<string, unknown[]> } {
  const previous = MIGRATIONS.filter((m) => m.version < version).at(-1)?.version ?? 0;
  const at = databaseAtSchema(previous);
  const before = everyRow(at.db);
  assert.deepEqual(at.migrateTo(version), [version]);
  return { db: at.reopen(), before };
}

/** Each table that held rows (every one, or the test would prove little) holds the same rows in `db`. */
export function assertRowsKept(db: Db, before: Record<string, unknown[]>): void {
  const now = everyRow(db);
  for (const [table, rows] of Object.entries(before)) {
    assert.ok(rows.length > 0, `${table} had no rows to keep`);
    assert.deepEqual(now[table], rows, `${table} kept its rows`);
  }
}
