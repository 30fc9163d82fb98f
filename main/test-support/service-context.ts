import type { Db } from '../store/database.ts';
import type { EnginePool } from '../workers/pool.ts';
import { UNCACHED, type Actor, type ServiceContext } from '../services/context.ts';

/**
 * The services' context over a bare database (a migrated temp database with its key, no keyring: see
 * temp-database.ts), acting as anyone without unlocking, for the tests and benchmarks of services. The keyring's
 * operations fail; `readerSpec` opens the same file with the same key unless `readerSpec` says otherwise (a test
 * that proves a service opens no reader throws there).
 */
export function databaseContext(
  database: { readonly db: Db; readonly path: string; readonly key: Buffer },
  actor: Actor,
  options: { readonly now?: () => Date; readonly pool?: EnginePool; readonly readerSpec?: () => { path: string; key: Buffer } } = {},
): ServiceContext {
  const { db, path, key } = database;
  const noKeyring = (): never => {
    throw new Error('a bare test database has no keyring; use a workspace made by Workspace.create');
  };
  const { pool } = options;
  return {
    workspace: { path, id: 'test-database', db, readerSpec: options.readerSpec ?? (() => ({ path, key })), readKeyring: noKeyring, wrapKeyFor: noKeyring, changeKeyring: noKeyring, writeKeyringForCopy: noKeyring },
    reader: db,
    actor,
    now: options.now ?? (() => new Date()),
    pool: () => {
      if (!pool) throw new Error('this test context was given no engine pool');
      return pool;
    },
    reads: UNCACHED,
  };
}
