import type { Migration } from './migration.ts';

/*
 * Approving and activating a version now take a comment: what the reviewer checked. Each artefact table keeps the
 * latest approval's and activation's comment beside who took the step, as it keeps the latest rejection's reason;
 * the audit trail keeps every one.
 *
 * Versions approved or activated before this migration have none, nor do the shipped defaults, so the columns are
 * nullable; a comment, when there is one, belongs to a step that was taken and is not blank. ADD COLUMN checks these
 * CHECK constraints against the rows already there (all NULL), so no table is rebuilt. Everything here is a literal
 * on purpose: a migration is frozen history.
 */
const TABLES = ['credit_models', 'credit_parameter_sets', 'sla_tables', 'playbook_sets', 'fraud_rule_sets', 'liquidity_parameter_sets'] as const;

export const migration: Migration = {
  version: 171,
  name: 'lifecycle_comments',
  up(db) {
    for (const table of TABLES) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN approval_comment TEXT CHECK (approval_comment IS NULL OR (approved_by IS NOT NULL AND length(trim(approval_comment)) BETWEEN 1 AND 500));
        ALTER TABLE ${table} ADD COLUMN activation_comment TEXT CHECK (activation_comment IS NULL OR (activated_by IS NOT NULL AND length(trim(activation_comment)) BETWEEN 1 AND 500));
      `);
    }
  },
};
