import type { Migration } from './migration.ts';

/*
 * Cases (issue 10): alerts grouped for a person to work, with the versioned SLA tables and response playbooks they
 * are worked by.
 *
 * sla_tables and playbook_sets are artefacts with the lifecycle every approvable artefact has (the columns and rules
 * 0070 gave credit models and parameter sets): numbered versions, four eyes, one active version. Their content is
 * one JSON document each, checked by the contract's schema before it is written.
 *
 * A case's status, and what each status needs, is held here as well as in the services (case-workflow.ts's table):
 * - a case being worked has an assignee; one waiting for approval has its proposer and a disposition;
 * - a closed case was either merged into another (its alerts moved there) or closed with a disposition it was
 *   proposed with, and a high or critical one by someone other than its proposer (four eyes, as the lifecycle's CHECK
 *   does for approvals). A buggy caller cannot close a high case on one person's word.
 * - cases_open_group: one case that is not closed per type and grouping key (`borrower:B17`), which is how a new alert
 *   finds the case it joins; a split-off case has no key and takes no alerts by itself.
 *
 * A case's playbook steps are not copied into it: they are the steps, in the playbook version the case opened with, of
 * the alert types it holds (an engine may open 50k cases in a run; copying four steps into each was most of the time
 * filing took). Only ticks are rows: who did a step, and when.
 *
 * case_alerts keys by the alert: an alert is in exactly one case. alert_count is kept with it, so that the queue sorts
 * by it from the row. priority_rank orders priorities as severities are (low 1 … critical 4). Attachments live in the
 * workspace, so SQLCipher encrypts them with everything else; their size and SHA-256 are checked against the content.
 * A case's timeline is read from the audit trail by subject, hence its index there.
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
  version: 120,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE sla_tables (
        version  INTEGER PRIMARY KEY,
        note     TEXT NOT NULL,${LIFECYCLE_COLUMNS},
        document TEXT NOT NULL,${LIFECYCLE_RULES}
      );
      CREATE UNIQUE INDEX sla_tables_one_active ON sla_tables (status) WHERE status = 'active';

      CREATE TABLE playbook_sets (
        version  INTEGER PRIMARY KEY,
        note     TEXT NOT NULL,${LIFECYCLE_COLUMNS},
        document TEXT NOT NULL,${LIFECYCLE_RULES}
      );
      CREATE UNIQUE INDEX playbook_sets_one_active ON playbook_sets (status) WHERE status = 'active';

      CREATE TABLE cases (
        case_id          INTEGER PRIMARY KEY,
        type             TEXT NOT NULL CHECK (type IN ('credit', 'fraud', 'liquidity', 'manual')),
        title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        group_key        TEXT CHECK (group_key <> ''),
        priority         TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'critical')),
        priority_rank    INTEGER GENERATED ALWAYS AS (CASE priority WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'critical' THEN 4 END) VIRTUAL,
        status           TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'in_review', 'escalated', 'pending_approval', 'closed')),
        assignee         TEXT,
        alert_count      INTEGER NOT NULL DEFAULT 0 CHECK (alert_count >= 0),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        due_at           TEXT NOT NULL,
        sla_version      INTEGER NOT NULL REFERENCES sla_tables (version),
        playbook_version INTEGER REFERENCES playbook_sets (version),
        proposed_by      TEXT,
        proposed_at      TEXT,
        disposition      TEXT CHECK (disposition IN ('confirmed_fraud', 'false_positive', 'credit_action_taken', 'monitoring', 'no_action')),
        disposition_note TEXT,
        closed_by        TEXT,
        closed_at        TEXT,
        merged_into      INTEGER REFERENCES cases (case_id),
        CHECK (status IN ('new', 'closed') OR assignee IS NOT NULL),
        CHECK (status <> 'pending_approval' OR (proposed_by IS NOT NULL AND proposed_at IS NOT NULL AND disposition IS NOT NULL)),
        CHECK ((status = 'closed') = (closed_by IS NOT NULL AND closed_at IS NOT NULL)),
        CHECK (merged_into IS NULL OR status = 'closed'),
        CHECK (status <> 'closed' OR merged_into IS NOT NULL OR (disposition IS NOT NULL AND proposed_by IS NOT NULL)),
        -- Four eyes on closure: a high or critical case is closed by someone other than the one who proposed it.
        CHECK (status <> 'closed' OR merged_into IS NOT NULL OR priority IN ('low', 'medium') OR closed_by <> proposed_by)
      );
      CREATE UNIQUE INDEX cases_open_group ON cases (type, group_key) WHERE status <> 'closed' AND group_key IS NOT NULL;
      CREATE INDEX cases_queue ON cases (status, priority_rank, due_at);
      -- The open queue most urgent first, as the queue sorts by default: its first page is an index walk.
      CREATE INDEX cases_open_queue ON cases (priority_rank DESC, due_at, case_id DESC) WHERE status <> 'closed';
      CREATE INDEX cases_assignee ON cases (assignee, status);
      CREATE INDEX cases_due ON cases (due_at);

      CREATE TABLE case_alerts (
        alert_id INTEGER PRIMARY KEY REFERENCES alerts (alert_id),
        case_id  INTEGER NOT NULL REFERENCES cases (case_id)
      );
      CREATE INDEX case_alerts_case ON case_alerts (case_id);

      CREATE TABLE case_entities (
        case_id     INTEGER NOT NULL REFERENCES cases (case_id),
        entity_type TEXT NOT NULL CHECK (entity_type IN ('loan', 'borrower', 'account', 'transaction', 'device', 'product', 'portfolio')),
        entity_id   TEXT NOT NULL CHECK (entity_id <> ''),
        PRIMARY KEY (case_id, entity_type, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX case_entities_entity ON case_entities (entity_type, entity_id);

      CREATE TABLE case_tags (
        case_id INTEGER NOT NULL REFERENCES cases (case_id),
        tag     TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
        PRIMARY KEY (case_id, tag)
      ) WITHOUT ROWID;

      CREATE TABLE case_step_ticks (
        case_id    INTEGER NOT NULL REFERENCES cases (case_id),
        alert_type TEXT NOT NULL,
        step       TEXT NOT NULL,
        done_by    TEXT NOT NULL,
        done_at    TEXT NOT NULL,
        PRIMARY KEY (case_id, alert_type, step)
      ) WITHOUT ROWID;

      CREATE TABLE case_notes (
        note_id  INTEGER PRIMARY KEY,
        case_id  INTEGER NOT NULL REFERENCES cases (case_id),
        author   TEXT NOT NULL,
        at       TEXT NOT NULL,
        markdown TEXT NOT NULL CHECK (length(markdown) BETWEEN 1 AND 20000)
      );
      CREATE INDEX case_notes_case ON case_notes (case_id);

      CREATE TABLE case_actions (
        action_id    INTEGER PRIMARY KEY,
        case_id      INTEGER NOT NULL REFERENCES cases (case_id),
        action       TEXT NOT NULL CHECK (action IN ('freeze_account', 'reduce_limit', 'request_documents', 'write_off_proposal', 'provision_override', 'contact_borrower')),
        subject_type TEXT CHECK (subject_type IN ('loan', 'borrower', 'account', 'transaction', 'device', 'product', 'portfolio')),
        subject_id   TEXT,
        note         TEXT NOT NULL,
        by           TEXT NOT NULL,
        at           TEXT NOT NULL,
        CHECK ((subject_type IS NULL) = (subject_id IS NULL))
      );
      CREATE INDEX case_actions_case ON case_actions (case_id);

      CREATE TABLE case_attachments (
        attachment_id INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES cases (case_id),
        name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        media_type    TEXT NOT NULL,
        size          INTEGER NOT NULL CHECK (size = length(content) AND size <= 10485760),
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        added_by      TEXT NOT NULL,
        added_at      TEXT NOT NULL,
        content       BLOB NOT NULL CHECK (typeof(content) = 'blob')
      );
      CREATE INDEX case_attachments_case ON case_attachments (case_id);

      -- A case's timeline is its audit events (subject 'case <id>'): read by subject rather than by scanning the chain.
      CREATE INDEX audit_events_subject ON audit_events (subject, seq);
    `);
  },
};
