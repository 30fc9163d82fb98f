import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import type { Db } from './database.ts';

/**
 * The workspace's own facts in `meta`: its id (which its keyring names too), when it was created, and its base
 * currency.
 */
export interface WorkspaceMeta {
  readonly workspaceId: string;
  readonly createdAt: string;
  readonly baseCurrency: string;
}

/** Written once, in the transaction that creates the workspace. */
export function insertWorkspaceMeta(db: Db, meta: WorkspaceMeta): void {
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  insert.run('workspace_id', meta.workspaceId);
  insert.run('created_at', meta.createdAt);
  insert.run('base_currency', meta.baseCurrency);
}

/** The id the database itself records, to check against the id of the keyring that opened it. */
export function storedWorkspaceId(db: Db): string | undefined {
  return db.prepare(`SELECT value FROM meta WHERE key = 'workspace_id'`).pluck().get() as string | undefined;
}

/** The workspace's reporting currency (meta base_currency): money totals are in it alone. */
export function baseCurrency(db: Db): string {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'base_currency'`).get() as { value: string } | undefined;
  return row?.value ?? DEFAULT_BASE_CURRENCY;
}

/** The base currency as an SQL expression, for queries that keep to it. */
export const BASE_CURRENCY_SQL = `coalesce((SELECT value FROM meta WHERE key = 'base_currency'), '${DEFAULT_BASE_CURRENCY}')`;

/** Workspaces made by RiskDesk have one; a bare database (a test's, a benchmark's) may not. */
export function hasBaseCurrency(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM meta WHERE key = 'base_currency'`).get() !== undefined;
}

/** Sets the base currency unless the workspace has one already. */
export function insertBaseCurrencyIfMissing(db: Db, currency: string): void {
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('base_currency', ?)`).run(currency);
}

export function deleteBaseCurrency(db: Db): void {
  db.prepare(`DELETE FROM meta WHERE key = 'base_currency'`).run();
}
