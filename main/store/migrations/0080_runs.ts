import type { Migration } from './migration.ts';

/*
 * One runs table for every engine. credit_runs becomes `runs`: each row says which engine ran, as of when, with which
 * versions of its artefacts (a JSON object keyed by lifecycle kind, so that fraud's rule sets and liquidity's
 * parameter sets fit beside credit's model and parameter set), who started it and when, its status and its totals as
 * JSON. Engines keep their result rows in tables of their own: credit_run_loans stays as it is, its rows untouched,
 * and its foreign key now names runs.
 *
 * Steps, with foreign keys off (`rebuildsTables`; migrate() checks every reference before it commits):
 * 1. credit_runs is renamed to runs. SQLite rewrites the references to a renamed table (legacy_alter_table is off),
 *    so credit_run_loans now refers to runs, and it is never rebuilt: a workspace may hold millions of run rows.
 * 2. runs is rebuilt in its new shape under its own name (create, copy, drop, rename; SQLite's 12 steps), which
 *    credit_run_loans' reference follows by name, as 0070's rebuild did for credit_runs.
 *
 * Each run keeps its id. Its model and parameter version move into artefacts as {"credit.model": id,
 * "credit.parameterSet": version}; those rows are retired, never deleted, so nothing was left for the old foreign keys
 * to guard at run time, and the run's audit event names them too. The `loans` column goes: it always equalled the
 * count in its totals. A run without finished_at existed only inside its own transaction, so every row copied is
 * finished; status says so, and the CHECK keeps status and finished_at in step from now on.
 *
 * Everything here is a literal on purpose: a migration is frozen history.
 */
export const migration: Migration = {
  version: 80,
  name: 'runs',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE credit_runs RENAME TO runs;

      CREATE TABLE runs_next (
        run_id      INTEGER PRIMARY KEY,
        engine      TEXT NOT NULL,
        as_of       TEXT NOT NULL,
        artefacts   TEXT NOT NULL CHECK (json_valid(artefacts) AND json_type(artefacts) = 'object'),
        started_by  TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('running', 'finished')),
        finished_at TEXT,
        currency    TEXT,
        totals      TEXT NOT NULL,
        CHECK ((status = 'finished') = (finished_at IS NOT NULL))
      );
      INSERT INTO runs_next (run_id, engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals)
        SELECT run_id, 'credit', as_of, json_object('credit.model', model_id, 'credit.parameterSet', parameter_version), started_by, started_at,
               CASE WHEN finished_at IS NULL THEN 'running' ELSE 'finished' END, finished_at, currency, totals
        FROM runs;
      DROP TABLE runs;
      ALTER TABLE runs_next RENAME TO runs;
    `);
  },
};
