import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { openEncryptedDatabase, type Db } from './database.ts';
import { currentSchemaVersion, migrate } from './migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

function freshDb(): { db: Db; file: string; key: Buffer } {
  const file = path.join(tempDir(), 'm.rdw');
  const key = randomBytes(32);
  return { db: openEncryptedDatabase(file, key, { create: true }), file, key };
}

function tables(db: Db): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

/** The tables each migration must add; a migration that forgets one fails its own test. */
const EXPECTED_TABLES: Record<number, string[]> = {
  10: ['audit_events', 'meta', 'users'],
  20: ['borrowers', 'loan_performance', 'loans'],
  30: ['accounts', 'labels', 'transactions'],
  40: ['daily_flows', 'investor_balances', 'liquidity_lines'],
  50: ['user_settings'],
  60: ['credit_models', 'credit_parameter_sets', 'credit_run_loans', 'credit_runs'],
  // Rebuilds credit_models and credit_parameter_sets under their own names (0070_lifecycle_submitted.test.ts).
  70: [],
  // Renames credit_runs to runs and rebuilds it for every engine (0080_runs.test.ts).
  80: ['runs'],
  // One alerts table for every source (0090_alerts.test.ts).
  90: ['alerts'],
  // A dpd column on credit_run_loans and the alert thresholds in every stored parameter set (0100_credit_alerts.test.ts).
  100: [],
  // The model-monitoring alert thresholds in every stored parameter set (0110_credit_monitoring_alerts.test.ts).
  110: [],
  // Cases with their links, notes, actions and attachments; SLA tables and playbook sets (0120_cases.test.ts).
  120: ['case_actions', 'case_alerts', 'case_attachments', 'case_entities', 'case_notes', 'case_step_ticks', 'case_tags', 'cases', 'playbook_sets', 'sla_tables'],
  // Rule sets, the workspace's signing key, run flags and backtests (0130_fraud_engine.test.ts).
  130: ['fraud_backtests', 'fraud_rule_sets', 'fraud_run_flags', 'workspace_signing_key'],
  // The ts index of transactions becomes one that covers the fraud pass (0140_transactions_time_order.test.ts).
  140: [],
  // Liquidity parameter sets and stored Monte Carlo simulations (0150_liquidity_engine.test.ts).
  150: ['liquidity_parameter_sets', 'liquidity_simulations'],
  // Past evidence exports, kept risk reports and the report schedule (0160_evidence_reports.test.ts).
  160: ['evidence_exports', 'report_schedule', 'risk_reports'],
  // The dashboard's covering indexes also hold what the open-loan condition reads (0170_dashboard_open_loans.test.ts).
  170: [],
  // The approval and activation comments of every artefact table (0171_lifecycle_comments.test.ts).
  171: [],
  // Indexes for loans filtered by their borrower's region (0172_region_filters.test.ts).
  172: [],
};

describe('migrations', () => {
  it('numbers migrations uniquely and in ascending order, each with an expectation here', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions);
    assert.equal(new Set(versions).size, versions.length);
    assert.deepEqual(versions, Object.keys(EXPECTED_TABLES).map(Number));
  });

  for (const [index, migration] of MIGRATIONS.entries()) {
    it(`${migration.version} ${migration.name} applies on top of its predecessors in a real encrypted file, and survives reopening`, () => {
      const { db, file, key } = freshDb();
      migrate(db, file, MIGRATIONS.slice(0, index));
      const before = new Set(tables(db));
      assert.deepEqual(migrate(db, file, MIGRATIONS.slice(0, index + 1)), [migration.version]);
      const added = tables(db).filter((t) => !before.has(t) && t !== 'schema_migrations');
      assert.deepEqual(added, EXPECTED_TABLES[migration.version]);
      const record = db.prepare('SELECT version, name FROM schema_migrations WHERE version = ?').get(migration.version);
      assert.deepEqual(record, { version: migration.version, name: migration.name });
      db.close();
      const reopened = openEncryptedDatabase(file, key);
      assert.equal(currentSchemaVersion(reopened), migration.version);
      assert.deepEqual(migrate(reopened, file, MIGRATIONS.slice(0, index + 1)), [], 'nothing to apply twice');
      reopened.close();
    });
  }

  it('rolls back a failing migration whole and records nothing for it', () => {
    const { db, file } = freshDb();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 10,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    assert.throws(() => migrate(db, file, [...MIGRATIONS, broken]), (e: Error & { code?: string }) => e.code === 'MIGRATION_FAILED' && e.message.includes(`${LATEST_SCHEMA_VERSION + 10} (broken)`));
    assert.equal(currentSchemaVersion(db), LATEST_SCHEMA_VERSION);
    assert.ok(!tables(db).includes('half_done'));
    db.close();
  });

  it('refuses a workspace newer than this build', () => {
    const { db, file } = freshDb();
    migrate(db, file);
    assert.throws(() => migrate(db, file, MIGRATIONS.slice(0, 2)), (e: Error & { code?: string }) => e.code === 'WORKSPACE_TOO_NEW' && e.message.includes(`schema ${LATEST_SCHEMA_VERSION}`));
    db.close();
  });
});
