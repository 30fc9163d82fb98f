import type { Migration } from './migration.ts';

/*
 * Evidence packs and risk reports.
 *
 * - evidence_exports: one row per pack written, for the list of past exports: the scope (JSON), who and when, the
 *   zip's size and SHA-256, the payload's file count and bytes, the signing key's fingerprint and the audit chain's
 *   head that the pack carries. The pack itself leaves the workspace; its audit event records the same figures.
 * - risk_reports: reports kept in the workspace (asked for in the app, or made by the schedule at an unlock): the
 *   PDF, the figures it shows (JSON, for the in-app preview) and its SHA-256. A schedule makes one report per period
 *   and language (the partial unique index), so a second unlock in the same month does not make it again.
 * - report_schedule: the one schedule compliance sets (a single row, absent until set).
 * - audit_events gets an index on `at`: a pack carries the audit slice of its period, found by time (seq order is not
 *   trusted to follow time order), and without it every export would read the whole chain to find its ends.
 *
 * Everything here is a literal on purpose: a migration is frozen history.
 */
export const migration: Migration = {
  version: 160,
  name: 'evidence_reports',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_exports (
        export_id     INTEGER PRIMARY KEY,
        file_name     TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        scope         TEXT NOT NULL CHECK (json_valid(scope) AND json_type(scope) = 'object'),
        exported_by   TEXT NOT NULL,
        exported_at   TEXT NOT NULL,
        bytes         INTEGER NOT NULL CHECK (bytes > 0),
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        payload_files INTEGER NOT NULL CHECK (payload_files >= 0),
        payload_bytes INTEGER NOT NULL CHECK (payload_bytes >= 0),
        fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 16),
        audit_head    TEXT NOT NULL CHECK (length(audit_head) = 64)
      );

      CREATE TABLE risk_reports (
        report_id    INTEGER PRIMARY KEY,
        period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
        language     TEXT NOT NULL CHECK (language IN ('en', 'zh-CN')),
        generated_at TEXT NOT NULL,
        generated_by TEXT NOT NULL,
        scheduled    INTEGER NOT NULL CHECK (scheduled IN (0, 1)),
        figures      TEXT NOT NULL CHECK (json_valid(figures) AND json_type(figures) = 'object'),
        pdf          BLOB NOT NULL CHECK (typeof(pdf) = 'blob' AND substr(pdf, 1, 5) = CAST('%PDF-' AS BLOB)),
        sha256       TEXT NOT NULL CHECK (length(sha256) = 64)
      );
      CREATE UNIQUE INDEX risk_reports_one_scheduled ON risk_reports (period, language) WHERE scheduled = 1;

      CREATE TABLE report_schedule (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        frequency TEXT NOT NULL CHECK (frequency IN ('off', 'weekly', 'monthly')),
        language  TEXT NOT NULL CHECK (language IN ('en', 'zh-CN')),
        set_by    TEXT NOT NULL,
        set_at    TEXT NOT NULL
      );

      CREATE INDEX audit_events_at ON audit_events (at);
    `);
  },
};
