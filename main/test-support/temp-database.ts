import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncryptedDatabase, type Db } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { playbookSets, slaTables } from '../store/case-sets.ts';
import { fraudRuleSets } from '../store/fraud-rule-sets.ts';
import { liquidityParameterSets } from '../store/liquidity-parameter-sets.ts';
import { SHIPPED_PLAYBOOKS_DOCUMENT, SHIPPED_SLA_HOURS } from './case-documents.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT } from './shipped-liquidity-parameters.ts';
import { SHIPPED_RULE_SET_DOCUMENT } from './shipped-rule-set.ts';

/**
 * A migrated SQLCipher database with a random key in a fresh temp folder, for tests and benchmarks that
 * need the real thing (encryption, WAL, foreign keys) without the keyring and its slow scrypt unlock. It holds the
 * shipped SLA table and playbooks (alerts are filed into cases by them), fraud rule set and liquidity parameter set as
 * version 1, as every workspace does from its creation, but without their seeding's audit events, so that a test's
 * audit trail starts with what it does.
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
  const at = appliedAt ?? new Date(0).toISOString();
  db.transaction(() => {
    slaTables.insertShipped(db, { document: SHIPPED_SLA_HOURS, note: 'shipped', at });
    playbookSets.insertShipped(db, { document: SHIPPED_PLAYBOOKS_DOCUMENT, note: 'shipped', at });
    fraudRuleSets.insertShipped(db, { document: SHIPPED_RULE_SET_DOCUMENT, note: 'shipped', at });
    liquidityParameterSets.insertShipped(db, { document: SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT, note: 'shipped', at });
  })();
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
