import type { AlertSubject } from '../../preload/contract/alerts.ts';
import type { CaseAction, CaseDisposition, CaseStatus } from '../../preload/contract/cases.ts';
import { refreshCases } from './case-filing.ts';
import type { Db } from './database.ts';

/**
 * The store's side of working a case: each function is one change, made inside the caller's transaction (a service
 * wraps it with its audit event). The workflow's rules are the services' (case-workflow.ts's table); the schema holds
 * what each status needs, and four eyes on closure, whatever the caller.
 */

export interface ChangeBy {
  readonly by: string;
  readonly at: string;
}

/** Hands the case to `to`; a new case becomes assigned. */
export function assignCase(db: Db, caseId: number, to: string, { at }: ChangeBy): void {
  db.prepare(`UPDATE cases SET assignee = ?, status = CASE status WHEN 'new' THEN 'assigned' ELSE status END, updated_at = ? WHERE case_id = ?`).run(to, at, caseId);
}

export interface MoveDetails extends ChangeBy {
  readonly disposition?: CaseDisposition;
  readonly reason?: string;
}

/**
 * Moves the case from `from` to `to` (a move of the workflow's table, checked by the caller). Proposing closure records
 * the proposer and disposition; withdrawing it or reopening clears them (the audit trail keeps them); closing closes the
 * case's alerts and writes the disposition as a label (source `case`) on its transactions, accounts and loans.
 */
export function moveCase(db: Db, caseId: number, from: CaseStatus, to: CaseStatus, details: MoveDetails): void {
  const { by, at } = details;
  if (to === 'pending_approval') {
    db.prepare(`UPDATE cases SET status = ?, proposed_by = ?, proposed_at = ?, disposition = ?, disposition_note = ?, updated_at = ? WHERE case_id = ?`).run(
      to,
      by,
      at,
      details.disposition ?? null,
      details.reason ?? null,
      at,
      caseId,
    );
  } else if (to === 'closed') {
    db.prepare(`UPDATE cases SET status = 'closed', closed_by = ?, closed_at = ?, updated_at = ? WHERE case_id = ?`).run(by, at, at, caseId);
    db.prepare(`UPDATE alerts SET status = 'closed' WHERE status = 'open' AND alert_id IN (SELECT alert_id FROM case_alerts WHERE case_id = ?)`).run(caseId);
    labelCaseSubjects(db, caseId, at);
  } else if (from === 'pending_approval' || from === 'closed') {
    db.prepare(
      `UPDATE cases SET status = ?, proposed_by = NULL, proposed_at = NULL, disposition = NULL, disposition_note = NULL, closed_by = NULL, closed_at = NULL, updated_at = ?
       WHERE case_id = ?`,
    ).run(to, at, caseId);
  } else {
    db.prepare(`UPDATE cases SET status = ?, updated_at = ? WHERE case_id = ?`).run(to, at, caseId);
  }
}

/** The subjects a disposition labels: the case's transactions, accounts and loans (the labels table's subject types). */
function labelCaseSubjects(db: Db, caseId: number, at: string): void {
  db.prepare(
    `INSERT INTO labels (subject_type, subject_id, label, source, labeled_at)
     SELECT e.entity_type, e.entity_id, c.disposition, 'case', ? FROM case_entities e JOIN cases c ON c.case_id = e.case_id
     WHERE e.case_id = ? AND e.entity_type IN ('transaction', 'account', 'loan')
     ON CONFLICT (subject_type, subject_id, source) DO UPDATE SET label = excluded.label, labeled_at = excluded.labeled_at`,
  ).run(at, caseId);
}

/** How many subjects a closure labelled (for its audit event). */
export function countLabelledSubjects(db: Db, caseId: number): number {
  return db.prepare(`SELECT count(*) FROM case_entities WHERE case_id = ? AND entity_type IN ('transaction', 'account', 'loan')`).pluck().get(caseId) as number;
}

export function addNote(db: Db, caseId: number, markdown: string, { by, at }: ChangeBy): number {
  db.prepare('UPDATE cases SET updated_at = ? WHERE case_id = ?').run(at, caseId);
  return Number(db.prepare('INSERT INTO case_notes (case_id, author, at, markdown) VALUES (?, ?, ?, ?)').run(caseId, by, at, markdown).lastInsertRowid);
}

export function addAction(db: Db, caseId: number, action: { action: CaseAction; subject?: AlertSubject; note: string }, { by, at }: ChangeBy): number {
  db.prepare('UPDATE cases SET updated_at = ? WHERE case_id = ?').run(at, caseId);
  return Number(
    db
      .prepare('INSERT INTO case_actions (case_id, action, subject_type, subject_id, note, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(caseId, action.action, action.subject?.type ?? null, action.subject?.id ?? null, action.note, by, at).lastInsertRowid,
  );
}

/** Ticks a playbook step (the caller checks that the case has it); false if it was ticked already. */
export function tickStep(db: Db, caseId: number, alertType: string, step: string, { by, at }: ChangeBy): boolean {
  const ticked = db.prepare('INSERT OR IGNORE INTO case_step_ticks (case_id, alert_type, step, done_by, done_at) VALUES (?, ?, ?, ?, ?)').run(caseId, alertType, step, by, at).changes === 1;
  if (ticked) db.prepare('UPDATE cases SET updated_at = ? WHERE case_id = ?').run(at, caseId);
  return ticked;
}

export function setTags(db: Db, caseId: number, tags: readonly string[], { at }: ChangeBy): void {
  db.prepare('DELETE FROM case_tags WHERE case_id = ?').run(caseId);
  const insert = db.prepare('INSERT OR IGNORE INTO case_tags (case_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(caseId, tag);
  db.prepare('UPDATE cases SET updated_at = ? WHERE case_id = ?').run(at, caseId);
}

/**
 * Moves every alert, linked entity, playbook tick and tag of `from` into `into`, and closes `from` as merged (no
 * disposition: its alerts are worked in `into`). Its notes, actions and attachments stay on it, readable from `into`.
 */
export function mergeCases(db: Db, into: number, from: number, { by, at }: ChangeBy): number {
  const moved = db.prepare('UPDATE case_alerts SET case_id = ? WHERE case_id = ?').run(into, from).changes;
  db.prepare('INSERT OR IGNORE INTO case_entities (case_id, entity_type, entity_id) SELECT ?, entity_type, entity_id FROM case_entities WHERE case_id = ?').run(into, from);
  db.prepare('INSERT OR IGNORE INTO case_step_ticks (case_id, alert_type, step, done_by, done_at) SELECT ?, alert_type, step, done_by, done_at FROM case_step_ticks WHERE case_id = ?').run(into, from);
  db.prepare('INSERT OR IGNORE INTO case_tags (case_id, tag) SELECT ?, tag FROM case_tags WHERE case_id = ?').run(into, from);
  db.prepare(`UPDATE cases SET status = 'closed', merged_into = ?, closed_by = ?, closed_at = ?, alert_count = 0, updated_at = ? WHERE case_id = ?`).run(into, by, at, at, from);
  refreshCases(db, [into], at);
  return moved;
}

/**
 * Moves `alertIds` (all of them in `from`, not all of its alerts: the caller checks) into a new case made by hand: same
 * type and assignee, no grouping key, the title given; their subjects and the ticked playbook steps of their types go with them.
 */
export function splitCase(db: Db, from: number, alertIds: readonly number[], title: string, { at }: ChangeBy): number {
  const ids = JSON.stringify(alertIds);
  const caseId = Number(
    db
      .prepare(
        `INSERT INTO cases (type, title, group_key, priority, status, assignee, created_at, updated_at, due_at, sla_version, playbook_version)
         SELECT type, ?, NULL, priority, CASE WHEN assignee IS NULL THEN 'new' ELSE 'assigned' END, assignee, ?, ?, ?, sla_version, playbook_version FROM cases WHERE case_id = ?`,
      )
      .run(title, at, at, at, from).lastInsertRowid,
  );
  db.prepare('UPDATE case_alerts SET case_id = ? WHERE case_id = ? AND alert_id IN (SELECT value FROM json_each(?))').run(caseId, from, ids);
  db.prepare(
    `INSERT OR IGNORE INTO case_entities (case_id, entity_type, entity_id)
     SELECT ?, a.subject_type, a.subject_id FROM alerts a WHERE a.alert_id IN (SELECT value FROM json_each(?))`,
  ).run(caseId, ids);
  db.prepare(
    `INSERT INTO case_step_ticks (case_id, alert_type, step, done_by, done_at)
     SELECT ?, t.alert_type, t.step, t.done_by, t.done_at FROM case_step_ticks t
     WHERE t.case_id = ? AND t.alert_type IN (SELECT a.type FROM alerts a WHERE a.alert_id IN (SELECT value FROM json_each(?)))`,
  ).run(caseId, from, ids);
  refreshCases(db, [from, caseId], at);
  return caseId;
}

/** The ids of `alertIds` that are in case `caseId`. */
export function alertsInCase(db: Db, caseId: number, alertIds: readonly number[]): number[] {
  return db.prepare('SELECT alert_id FROM case_alerts WHERE case_id = ? AND alert_id IN (SELECT value FROM json_each(?)) ORDER BY alert_id').pluck().all(caseId, JSON.stringify(alertIds)) as number[];
}

export function caseAlertCount(db: Db, caseId: number): number {
  return db.prepare('SELECT count(*) FROM case_alerts WHERE case_id = ?').pluck().get(caseId) as number;
}

export function addAttachment(db: Db, caseId: number, file: { name: string; mediaType: string; sha256: string; content: Buffer }, { by, at }: ChangeBy): number {
  db.prepare('UPDATE cases SET updated_at = ? WHERE case_id = ?').run(at, caseId);
  return Number(
    db
      .prepare('INSERT INTO case_attachments (case_id, name, media_type, size, sha256, added_by, added_at, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(caseId, file.name, file.mediaType, file.content.length, file.sha256, by, at, file.content).lastInsertRowid,
  );
}

/** Another open case holding the same grouping key (a reopened case would clash with it). */
export function openCaseWithKey(db: Db, caseId: number): number | undefined {
  return db
    .prepare(
      `SELECT o.case_id FROM cases c JOIN cases o ON o.type = c.type AND o.group_key = c.group_key AND o.status <> 'closed' AND o.case_id <> c.case_id WHERE c.case_id = ?`,
    )
    .pluck()
    .get(caseId) as number | undefined;
}
