import type { Migration } from './migration.ts';

/*
 * The liquidity engine's tables.
 *
 * - liquidity_parameter_sets: versioned parameter sets (LCR and NSFR factors, investor product terms, stress scenarios,
 *   Monte Carlo settings, early-warning thresholds: one JSON document named `parameters`, as credit's are), with the
 *   lifecycle every approvable artefact has (0070's columns and rules, as 0120 and 0130 gave their kinds).
 * - liquidity_simulations: a Monte Carlo simulation stored whole (its distribution, fan chart and reserves as JSON),
 *   with the parameter set version it ran under. Rows are only ever added and listed newest first (the rowid order),
 *   and a parameter set is never deleted, so the reference needs no index of its own.
 *
 * Liquidity runs need nothing here: 0080's `runs` takes any engine name and keys its artefacts by lifecycle kind, so a
 * liquidity run is a row with engine 'liquidity' and artefacts {"liquidity.parameterSet": version}.
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
  CHECK (json_valid(parameters) AND json_type(parameters) = 'object')`;

export const migration: Migration = {
  version: 150,
  name: 'liquidity_engine',
  up(db) {
    db.exec(`
      CREATE TABLE liquidity_parameter_sets (
        version    INTEGER PRIMARY KEY,
        note       TEXT NOT NULL,${LIFECYCLE_COLUMNS},
        parameters TEXT NOT NULL,${LIFECYCLE_RULES}
      );
      CREATE UNIQUE INDEX liquidity_parameter_sets_one_active ON liquidity_parameter_sets (status) WHERE status = 'active';

      CREATE TABLE liquidity_simulations (
        simulation_id     INTEGER PRIMARY KEY,
        parameter_version INTEGER NOT NULL REFERENCES liquidity_parameter_sets (version),
        as_of             TEXT NOT NULL,
        started_by        TEXT NOT NULL,
        finished_at       TEXT NOT NULL,
        result            TEXT NOT NULL CHECK (json_valid(result) AND json_type(result) = 'object')
      );
    `);
  },
};
