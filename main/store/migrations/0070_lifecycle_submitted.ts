import type { Migration } from './migration.ts';

/*
 * The artefact lifecycle gains a submitted state between draft and approved (draft → submitted → approved → active →
 * retired), who submitted and when, and the latest rejection (a reviewer sends a submitted version back to draft
 * with a reason). Four eyes now keeps the submitter from approving too.
 *
 * The status CHECK and the approval rules are CHECK constraints, which ALTER TABLE cannot change, so both tables
 * are rebuilt in SQLite's documented 12 steps (https://sqlite.org/lang_altertable.html#otheralter): create the new
 * table, copy every row, drop the old one, rename the new one, re-create the one-active partial unique index.
 * credit_runs references both tables by name, so its foreign keys hold again once the rename is done; migrate() runs
 * this with foreign keys off and checks every reference before it commits (`rebuildsTables`).
 *
 * Rows approved before this migration were never submitted: their submitted_by stays NULL, which the rules allow for
 * every state past submitted; a draft has none, a submitted version must have one. Everything here is a literal on
 * purpose: a migration is frozen history.
 */

/** The lifecycle columns and rules both tables share, after their own leading columns. */
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
  CHECK ((rejected_by IS NULL) = (rejected_at IS NULL) AND (rejected_by IS NULL) = (rejection_reason IS NULL))`;

/** Four eyes: the approver is neither the author nor the submitter (`IS NOT`: a version never submitted has none). */
const FOUR_EYES = `approved_by IS NULL OR (approved_by <> created_by AND approved_by IS NOT submitted_by)`;

/** The columns both tables had at schema 60, copied as they are; the new ones start NULL. */
const OLD_LIFECYCLE = 'status, created_by, created_at, approved_by, approved_at, activated_by, activated_at';

export const migration: Migration = {
  version: 70,
  name: 'lifecycle_submitted',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE credit_models_next (
        model_id      INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        training_hash TEXT NOT NULL,
        rows          INTEGER NOT NULL,
        features      TEXT NOT NULL,
        metrics       TEXT,${LIFECYCLE_COLUMNS},
        scorecard     TEXT NOT NULL,
        report        TEXT NOT NULL,${LIFECYCLE_RULES},
        CHECK (${FOUR_EYES})
      );
      INSERT INTO credit_models_next (model_id, name, training_hash, rows, features, metrics, ${OLD_LIFECYCLE}, scorecard, report)
        SELECT model_id, name, training_hash, rows, features, metrics, ${OLD_LIFECYCLE}, scorecard, report FROM credit_models;
      DROP TABLE credit_models;
      ALTER TABLE credit_models_next RENAME TO credit_models;
      CREATE UNIQUE INDEX credit_models_one_active ON credit_models (status) WHERE status = 'active';

      CREATE TABLE credit_parameter_sets_next (
        version    INTEGER PRIMARY KEY,
        note       TEXT NOT NULL,${LIFECYCLE_COLUMNS},
        parameters TEXT NOT NULL,${LIFECYCLE_RULES},
        -- Only the shipped version 1 is authored and approved by 'system'.
        CHECK (${FOUR_EYES} OR (version = 1 AND created_by = 'system'))
      );
      INSERT INTO credit_parameter_sets_next (version, note, ${OLD_LIFECYCLE}, parameters)
        SELECT version, note, ${OLD_LIFECYCLE}, parameters FROM credit_parameter_sets;
      DROP TABLE credit_parameter_sets;
      ALTER TABLE credit_parameter_sets_next RENAME TO credit_parameter_sets;
      CREATE UNIQUE INDEX credit_parameter_sets_one_active ON credit_parameter_sets (status) WHERE status = 'active';
    `);
  },
};
