import { generateKeyPairSync } from 'node:crypto';
import type { Migration } from './migration.ts';

/*
 * The fraud engine's tables.
 *
 * - fraud_rule_sets: versioned rule sets (ordered CEL rules and the review and block thresholds, one JSON document),
 *   with the lifecycle every approvable artefact has (0070's columns and rules, as 0120 gave SLA tables).
 * - workspace_signing_key: the workspace's Ed25519 key pair, made here, so once per workspace: with the workspace
 *   for a new one, at this upgrade for an older one. Exported rule sets are signed with it. Its private half lives only
 *   in this table, which SQLCipher encrypts with everything else; the id CHECK keeps it to one pair.
 * - fraud_run_flags: the transactions a run flagged, one row each (a credit run's results are credit_run_loans): the
 *   score and action, the fired rules with the feature values each read (JSON), and the ring the account was in at
 *   that transaction (its first account, when two or more accounts were connected) for grouping alerts into cases.
 *   tx_id is the flagged transaction; no foreign key, so that a run's evidence outlives a re-import.
 * - fraud_backtests: a rule set version (or a draft) run over a period against labels, stored with the version it
 *   was compared to (the active one at the time) and its result as JSON.
 *
 * Everything here is a literal on purpose: a migration is frozen history.
 */
const LIFECYCLE_COLUMNS = `
  status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'active', 'retired')),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  submitted_by     TEXT,
  submitted_at     TEXT,
  approved_by      TEXT,
  approved_at      TEXT,
  activated_by     TEXT,
  activated_at     TEXT,
  rejected_by      TEXT,
  rejected_at      TEXT,
  rejection_reason TEXT`;

const LIFECYCLE_RULES = `
  CHECK (status <> 'draft' OR (submitted_by IS NULL AND submitted_at IS NULL)),
  CHECK (status <> 'submitted' OR (submitted_by IS NOT NULL AND submitted_at IS NOT NULL)),
  CHECK (status IN ('draft', 'submitted') OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
  CHECK (status IN ('draft', 'submitted', 'approved') OR (activated_by IS NOT NULL AND activated_at IS NOT NULL)),
  CHECK ((rejected_by IS NULL) = (rejected_at IS NULL) AND (rejected_by IS NULL) = (rejection_reason IS NULL)),
  CHECK (approved_by IS NULL OR (approved_by <> created_by AND approved_by IS NOT submitted_by) OR (version = 1 AND created_by = 'system')),
  CHECK (json_valid(document) AND json_type(document) = 'object')`;

export const migration: Migration = {
  version: 130,
  name: 'fraud_engine',
  up(db) {
    db.exec(`
      CREATE TABLE fraud_rule_sets (
        version  INTEGER PRIMARY KEY,
        note     TEXT NOT NULL,${LIFECYCLE_COLUMNS},
        document TEXT NOT NULL,${LIFECYCLE_RULES}
      );
      CREATE UNIQUE INDEX fraud_rule_sets_one_active ON fraud_rule_sets (status) WHERE status = 'active';

      CREATE TABLE workspace_signing_key (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        algorithm   TEXT NOT NULL CHECK (algorithm = 'ed25519'),
        public_key  BLOB NOT NULL CHECK (typeof(public_key) = 'blob'),
        private_key BLOB NOT NULL CHECK (typeof(private_key) = 'blob'),
        created_at  TEXT NOT NULL
      );

      CREATE TABLE fraud_run_flags (
        run_id       INTEGER NOT NULL REFERENCES runs (run_id),
        tx_id        TEXT NOT NULL,
        account_id   TEXT NOT NULL,
        ts           TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        score        REAL NOT NULL CHECK (typeof(score) = 'real'),
        action       TEXT NOT NULL CHECK (action IN ('review', 'block')),
        ring_id      TEXT,
        ring_size    INTEGER NOT NULL CHECK (ring_size >= 1),
        fired        TEXT NOT NULL CHECK (json_valid(fired) AND json_type(fired) = 'array'),
        PRIMARY KEY (run_id, tx_id)
      ) WITHOUT ROWID;
      CREATE INDEX fraud_run_flags_account ON fraud_run_flags (account_id, run_id);
      CREATE INDEX fraud_run_flags_ring ON fraud_run_flags (ring_id, run_id) WHERE ring_id IS NOT NULL;

      CREATE TABLE fraud_backtests (
        backtest_id      INTEGER PRIMARY KEY,
        version          INTEGER NOT NULL REFERENCES fraud_rule_sets (version),
        baseline_version INTEGER REFERENCES fraud_rule_sets (version),
        period_from      TEXT,
        period_to        TEXT,
        started_by       TEXT NOT NULL,
        started_at       TEXT NOT NULL,
        finished_at      TEXT NOT NULL,
        result           TEXT NOT NULL CHECK (json_valid(result) AND json_type(result) = 'object')
      );
      CREATE INDEX fraud_backtests_version ON fraud_backtests (version);
    `);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    db.prepare(`INSERT INTO workspace_signing_key (id, algorithm, public_key, private_key, created_at) VALUES (1, 'ed25519', ?, ?, ?)`).run(
      publicKey.export({ format: 'der', type: 'spki' }),
      privateKey.export({ format: 'der', type: 'pkcs8' }),
      new Date().toISOString(),
    );
  },
};
