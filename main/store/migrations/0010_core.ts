import type { Migration } from './migration.ts';

/** Workspace identity, users and the append-only audit chain. */
export const migration: Migration = {
  version: 10,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE users (
        username   TEXT PRIMARY KEY,
        role       TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'compliance', 'auditor')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE audit_events (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT NOT NULL,
        details   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      );

      -- The chain makes tampering visible; these triggers make it deliberate (a client must drop them first).
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `);
  },
};
