import type { Migration } from './migration.ts';

/*
 * One alerts table for every source (credit, fraud and liquidity engines, and people raising one by hand). An alert is
 * about one subject; its explanation (a message key with the figures and thresholds behind it) and the artefact
 * versions of the run that produced it are JSON objects, checked as such.
 *
 * Emission is idempotent through alerts_open_subject: at most one open alert per type and subject. An engine emits
 * with an UPSERT on that partial index (store/alerts.ts), so an alert it sees again is updated in place (latest
 * severity, score, explanation, artefacts and run; one more occurrence; last seen now) instead of duplicated. Once it
 * is closed, the same type on the same subject opens a new alert.
 *
 * The type is `<source>.<what>` (credit.stage_migration): its namespace is its source's, so a type and subject name
 * one source's alert. SQLite has no regular expressions, so GLOB spells the pattern: lower-case letters, digits and
 * underscores in dot-separated parts, each starting with a letter.
 *
 * severity_rank orders severities as people do (low 1 … critical 4) rather than alphabetically; the queue's index
 * is over it. run_id is the run that raised the alert and last_run_id the one that saw it last; both refer to runs,
 * whose rows are never deleted (so no index on them). A manual alert has no run and names who raised it.
 *
 * (json_type of a missing path is NULL, which a CHECK lets through: hence IS rather than =.)
 *
 * Small columns come before the JSON documents, so the queue reads a row's head only. Everything here is a literal
 * on purpose: a migration is frozen history.
 */
export const migration: Migration = {
  version: 90,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alerts (
        alert_id      INTEGER PRIMARY KEY,
        source        TEXT NOT NULL CHECK (source IN ('credit', 'fraud', 'liquidity', 'manual')),
        type          TEXT NOT NULL CHECK (
                        length(type) <= 100 AND type GLOB (source || '.[a-z]*')
                        AND NOT type GLOB '*[^a-z0-9_.]*' AND NOT type GLOB '*.[^a-z]*' AND NOT type GLOB '*.'
                      ),
        subject_type  TEXT NOT NULL CHECK (subject_type IN ('loan', 'borrower', 'account', 'transaction', 'device', 'product', 'portfolio')),
        subject_id    TEXT NOT NULL CHECK (subject_id <> ''),
        severity      TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        severity_rank INTEGER GENERATED ALWAYS AS (CASE severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'critical' THEN 4 END) VIRTUAL,
        score         REAL NOT NULL CHECK (typeof(score) = 'real'),
        status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        occurrences   INTEGER NOT NULL CHECK (occurrences >= 1),
        created_at    TEXT NOT NULL,
        last_seen_at  TEXT NOT NULL,
        run_id        INTEGER REFERENCES runs (run_id),
        last_run_id   INTEGER REFERENCES runs (run_id),
        raised_by     TEXT,
        artefacts     TEXT NOT NULL CHECK (json_valid(artefacts) AND json_type(artefacts) = 'object'),
        explanation   TEXT NOT NULL CHECK (
                        json_valid(explanation) AND json_type(explanation) = 'object'
                        AND json_type(explanation, '$.key') IS 'text' AND json_type(explanation, '$.figures') IS 'array'
                      ),
        CHECK ((source = 'manual') = (raised_by IS NOT NULL)),
        CHECK (source <> 'manual' OR run_id IS NULL),
        CHECK ((run_id IS NULL) = (last_run_id IS NULL))
      );
      CREATE UNIQUE INDEX alerts_open_subject ON alerts (type, subject_type, subject_id) WHERE status = 'open';
      CREATE INDEX alerts_queue ON alerts (status, severity_rank, created_at);
      CREATE INDEX alerts_subject ON alerts (subject_type, subject_id);
    `);
  },
};
