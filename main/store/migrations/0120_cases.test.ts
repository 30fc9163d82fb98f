// 0120 adds cases (with their alerts, entities, steps, notes, actions, tags and attachments) and the versioned SLA
// tables and playbook sets they are worked by: tested on a real encrypted file at schema 110 holding rows in every
// table. What each status needs, and four eyes on closure, are the schema's as well as the services'.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { indexesOf, queryPlan as plan } from '../../test-support/schema-description.ts';
import type { Db } from '../database.ts';

const CHECK = /CHECK constraint failed/;
const AT = '2026-01-31T20:00:00.000Z';

function withSla(db: Db): void {
  db.prepare(
    `INSERT INTO sla_tables (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, document)
     VALUES (1, 'shipped', 'active', 'system', ?, 'system', ?, 'system', ?, '{}')`,
  ).run(AT, AT, AT);
}

interface CaseColumns {
  type: string;
  title: string;
  group_key: string | null;
  priority: string;
  status: string;
  assignee: string | null;
  proposed_by: string | null;
  proposed_at: string | null;
  disposition: string | null;
  closed_by: string | null;
  closed_at: string | null;
  merged_into: number | null;
}

const NEW_CASE: CaseColumns = {
  type: 'credit',
  title: 'borrower B1',
  group_key: 'borrower:B1',
  priority: 'high',
  status: 'new',
  assignee: null,
  proposed_by: null,
  proposed_at: null,
  disposition: null,
  closed_by: null,
  closed_at: null,
  merged_into: null,
};

function insertCase(db: Db, changes: Partial<CaseColumns> = {}): number {
  return Number(
    db
      .prepare(
        `INSERT INTO cases (type, title, group_key, priority, status, assignee, created_at, updated_at, due_at, sla_version, proposed_by, proposed_at, disposition, closed_by, closed_at, merged_into)
         VALUES (@type, @title, @group_key, @priority, @status, @assignee, '${AT}', '${AT}', '${AT}', 1, @proposed_by, @proposed_at, @disposition, @closed_by, @closed_at, @merged_into)`,
      )
      .run({ ...NEW_CASE, ...changes }).lastInsertRowid,
  );
}

const PROPOSED = { assignee: 'ana', proposed_by: 'ana', proposed_at: AT, disposition: 'false_positive' } as const;

describe('migration 120 (cases)', () => {
  it('keeps every row of schema 110, and starts with no case, SLA table or playbook set (shipped ones are seeded at unlock)', () => {
    const { db, before } = migratedWithSampleRows(120);
    assertRowsKept(db, before);
    for (const table of ['cases', 'case_alerts', 'sla_tables', 'playbook_sets']) assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  });

  it('requires what each status needs: an assignee while worked, a proposer and disposition for approval, a closer, and a merge or disposition when closed', () => {
    const { db } = migratedWithSampleRows(120);
    withSla(db);
    const refused: Partial<CaseColumns>[] = [
      { status: 'assigned' },
      { status: 'in_review' },
      { status: 'pending_approval', assignee: 'ana' },
      { status: 'pending_approval', assignee: 'ana', proposed_by: 'ana', proposed_at: AT },
      { status: 'closed', ...PROPOSED },
      { status: 'closed', assignee: 'ana', closed_by: 'cole', closed_at: AT },
      { status: 'in_review', assignee: 'ana', closed_by: 'cole', closed_at: AT },
      { status: 'in_review', assignee: 'ana', merged_into: 1 },
      { priority: 'urgent' },
      { status: 'snoozed' },
      { type: 'rumour' },
      { disposition: 'maybe' },
      { title: '' },
      { group_key: '' },
    ];
    for (const changes of refused) assert.throws(() => insertCase(db, changes), CHECK, JSON.stringify(changes));
    insertCase(db, { status: 'pending_approval', ...PROPOSED });
    insertCase(db, { status: 'closed', group_key: 'borrower:B2', ...PROPOSED, closed_by: 'cole', closed_at: AT });
  });

  it('refuses the closure of a high or critical case by its proposer (four eyes); a low or medium one, or a merge, it allows', () => {
    const { db } = migratedWithSampleRows(120);
    withSla(db);
    for (const priority of ['high', 'critical']) {
      assert.throws(() => insertCase(db, { priority, status: 'closed', ...PROPOSED, closed_by: 'ana', closed_at: AT }), CHECK, priority);
    }
    const target = insertCase(db, { group_key: null });
    for (const priority of ['low', 'medium']) insertCase(db, { priority, group_key: null, status: 'closed', ...PROPOSED, closed_by: 'ana', closed_at: AT });
    insertCase(db, { group_key: null, status: 'closed', closed_by: 'ana', closed_at: AT, merged_into: target });
  });

  it('holds one case that is not closed per type and grouping key, and reads the queue by status, priority and due date from its index', () => {
    const { db } = migratedWithSampleRows(120);
    withSla(db);
    const open = insertCase(db);
    assert.throws(() => insertCase(db), /UNIQUE constraint failed: cases.type, cases.group_key/);
    insertCase(db, { type: 'fraud' });
    insertCase(db, { group_key: null });
    insertCase(db, { group_key: null });
    db.prepare(`UPDATE cases SET status = 'closed', assignee = 'ana', proposed_by = 'ana', proposed_at = ?, disposition = 'no_action', closed_by = 'cole', closed_at = ? WHERE case_id = ?`).run(AT, AT, open);
    insertCase(db);
    assert.deepEqual(indexesOf(db, 'cases'), {
      cases_assignee: 'assignee, status',
      cases_due: 'due_at',
      cases_open_group: 'type, group_key (unique, partial)',
      cases_open_queue: 'priority_rank, due_at, case_id (partial)',
      cases_queue: 'status, priority_rank, due_at',
    });
    assert.deepEqual(plan(db, `SELECT case_id FROM cases WHERE status = 'new' ORDER BY priority_rank DESC, due_at DESC, case_id DESC LIMIT 100`), ['SEARCH cases USING INDEX cases_queue (status=?)']);
    assert.deepEqual(plan(db, `SELECT case_id FROM cases WHERE status <> 'closed' ORDER BY priority_rank DESC, due_at ASC, case_id DESC LIMIT 100`), ['SCAN cases USING INDEX cases_open_queue']);
    assert.deepEqual(plan(db, `SELECT subject FROM audit_events WHERE subject = 'case 1' ORDER BY seq`), ['SEARCH audit_events USING COVERING INDEX audit_events_subject (subject=?)']);
  });

  it('keeps an alert in one case, and an attachment whose size is its content’s, up to 10 MiB', () => {
    const { db } = migratedWithSampleRows(120);
    withSla(db);
    const caseId = insertCase(db);
    const attach = (size: number, content: Buffer) =>
      db.prepare(`INSERT INTO case_attachments (case_id, name, media_type, size, sha256, added_by, added_at, content) VALUES (?, 'f.pdf', 'application/pdf', ?, ?, 'ana', ?, ?)`).run(caseId, size, 'a'.repeat(64), AT, content);
    attach(3, Buffer.from('abc'));
    assert.throws(() => attach(4, Buffer.from('abc')), CHECK);
    assert.throws(() => attach(10 * 1024 * 1024 + 1, Buffer.alloc(10 * 1024 * 1024 + 1)), CHECK);
    assert.throws(() => db.prepare(`INSERT INTO case_alerts (alert_id, case_id) VALUES (999, ?)`).run(caseId), /FOREIGN KEY constraint failed/);
  });
});
