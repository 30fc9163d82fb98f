import type { Migration } from './migration.ts';

/**
 * Scorecard models, IFRS 9 parameter sets and credit runs (PD, grade, stage and ECL per loan).
 *
 * Models and parameter sets are versioned rows with a lifecycle (draft → approved → active → retired). The
 * schema itself holds the rules a buggy caller could break: four eyes (the approver is not the author), an
 * approval before activation, and at most one active row (a partial unique index). Only the shipped parameter
 * set (version 1) is authored and approved by 'system'. Small columns come before the JSON documents, so listing
 * reads a row's head and never walks a large report's overflow pages.
 *
 * This migration used to insert the shipped parameter set as version 1 too. That set now lives in
 * resources/parameter-sets/credit-ifrs9-default.json and is seeded from there (services/shipped-defaults.ts) when a
 * workspace is created and at every unlock while the table is empty, so the INSERT was taken out of this released
 * file. Every workspace ends up the same as before: those migrated earlier already hold version 1, which the seed
 * leaves alone, and any other gets the same version 1 (same note, parameters, 'system' author and approver) at its
 * creation or first unlock, now with a `credit.parameters.seed` audit event that the migration never wrote.
 *
 * credit_run_loans holds a million rows per run, written in the run's one transaction. It is clustered by
 * (run_id, loan_id): a run's rows are one contiguous range, which serves the latest run's join into the loan
 * grid (a probe per loan), its totals (one range scan) and the pricing grid. It has no secondary index on
 * purpose. The loan grid reaches a run's columns through a LEFT JOIN from loans (loans without a result stay
 * in the grid), so SQLite cannot walk an index on pd_12m or ecl_minor in order anyway: a sort on them is one
 * pass and a sort, which the grid caches per view (0.2 s at 100k loans with or without such indexes). The
 * indexes would be paid on every run instead, as a million inserts in random order: 1M result rows took
 * 8.6 s to insert without them and 67 s with (run_id, pd_12m) and (run_id, ecl_minor).
 * loan_id is not a foreign key: a run is a snapshot, and keeping it must not block deleting or re-importing loans.
 *
 * loan_performance_defaulted holds only the months that carry DOMAIN.md's default flag (2 % of them in the
 * demo), so "has this loan ever defaulted, and when first" is an index probe instead of a read of the loan's
 * whole history: the development sample reads 3× faster for it. Its WHERE is the text credit-features.ts
 * queries with (SQLite uses a partial index only for a query term that matches it), and it covers the columns
 * that query reads, so the planner prefers it to the primary key.
 */
export const migration: Migration = {
  version: 60,
  name: 'credit_engine',
  up(db) {
    db.exec(`
      CREATE TABLE credit_models (
        model_id      INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'active', 'retired')),
        training_hash TEXT NOT NULL,
        rows          INTEGER NOT NULL,
        features      TEXT NOT NULL,
        metrics       TEXT,
        created_by    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        approved_by   TEXT,
        approved_at   TEXT,
        activated_by  TEXT,
        activated_at  TEXT,
        scorecard     TEXT NOT NULL,
        report        TEXT NOT NULL,
        CHECK (approved_by IS NULL OR approved_by <> created_by),
        CHECK (status = 'draft' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
        CHECK (status IN ('draft', 'approved') OR (activated_by IS NOT NULL AND activated_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX credit_models_one_active ON credit_models (status) WHERE status = 'active';

      CREATE TABLE credit_parameter_sets (
        version      INTEGER PRIMARY KEY,
        note         TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'active', 'retired')),
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        approved_by  TEXT,
        approved_at  TEXT,
        activated_by TEXT,
        activated_at TEXT,
        parameters   TEXT NOT NULL,
        CHECK (approved_by IS NULL OR approved_by <> created_by OR (version = 1 AND created_by = 'system')),
        CHECK (status = 'draft' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
        CHECK (status IN ('draft', 'approved') OR (activated_by IS NOT NULL AND activated_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX credit_parameter_sets_one_active ON credit_parameter_sets (status) WHERE status = 'active';

      CREATE TABLE credit_runs (
        run_id            INTEGER PRIMARY KEY,
        as_of             TEXT NOT NULL,
        model_id          INTEGER NOT NULL REFERENCES credit_models (model_id),
        parameter_version INTEGER NOT NULL REFERENCES credit_parameter_sets (version),
        started_by        TEXT NOT NULL,
        started_at        TEXT NOT NULL,
        -- NULL only inside the run's own transaction, while its loans are written.
        finished_at       TEXT,
        currency          TEXT NOT NULL,
        loans             INTEGER NOT NULL,
        totals            TEXT NOT NULL
      );

      CREATE TABLE credit_run_loans (
        run_id         INTEGER NOT NULL REFERENCES credit_runs (run_id),
        loan_id        TEXT NOT NULL,
        score          REAL,
        pd_12m         REAL NOT NULL,
        pd_origination REAL NOT NULL,
        pd_lifetime    REAL NOT NULL,
        grade          TEXT NOT NULL,
        stage          INTEGER NOT NULL CHECK (stage IN (1, 2, 3)),
        lgd            REAL NOT NULL,
        ead_minor      INTEGER NOT NULL,
        ecl_minor      INTEGER NOT NULL,
        required_rate  REAL NOT NULL,
        PRIMARY KEY (run_id, loan_id)
      ) WITHOUT ROWID;

      CREATE INDEX loan_performance_defaulted ON loan_performance (loan_id, as_of, dpd, status)
        WHERE dpd >= 90 OR replace(replace(replace(lower(trim(status)), ' ', '_'), '-', '_'), '__', '_')
          IN ('default', 'defaulted', 'written_off', 'write_off', 'writeoff', 'charged_off');
    `);
  },
};
