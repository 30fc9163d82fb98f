import type { Db } from './database.ts';

/**
 * The workspace's own facts in `meta`: its id (which its keyring names too), when it was created, and its base
 * currency. The base currency is read by portfolio-queries.ts (`baseCurrency`, and as SQL in the queries that
 * keep to it).
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
