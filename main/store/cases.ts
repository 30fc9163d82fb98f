import type { AlertSubject } from '../../preload/contract/alerts.ts';
import type { Case, CaseActionEntry, CaseAttachment, CaseNote, CaseRow, CaseStatus, CaseStep, CaseType } from '../../preload/contract/cases.ts';
import type { AlertSeverity } from '../../preload/contract/alerts.ts';
import { getAlert } from './alerts.ts';
import { playbookSets } from './case-sets.ts';
import type { Db } from './database.ts';
import type { GridSpec } from './grid-sql.ts';

/** Cases as the front ends read them (migration 0120): the queue's grid and one case in full. Changes are in case-changes.ts. */

const CASE_COLUMNS: GridSpec<keyof CaseRow>['columns'] = {
  case_id: { sql: 'c.case_id', kind: 'number' },
  type: { sql: 'c.type', kind: 'text' },
  title: { sql: 'c.title', kind: 'text' },
  priority: { sql: 'c.priority', kind: 'text', orderSql: 'c.priority_rank' },
  status: { sql: 'c.status', kind: 'text' },
  assignee: { sql: 'c.assignee', kind: 'text' },
  alert_count: { sql: 'c.alert_count', kind: 'number' },
  created_at: { sql: 'c.created_at', kind: 'date' },
  updated_at: { sql: 'c.updated_at', kind: 'date' },
  due_at: { sql: 'c.due_at', kind: 'date' },
  closed_at: { sql: 'c.closed_at', kind: 'date' },
  disposition: { sql: 'c.disposition', kind: 'text' },
};

/** Every case, newest first unless sorted otherwise; a sort on priority is by rank (low … critical). */
export const CASE_GRID: GridSpec<keyof CaseRow> = { table: 'cases c', key: 'c.case_id', joins: {}, columns: CASE_COLUMNS };

/** The cases that are not closed; most urgent first is an index walk (cases_open_queue). */
export const OPEN_CASE_GRID: GridSpec<keyof CaseRow> = { ...CASE_GRID, where: `c.status <> 'closed'` };

/**
 * The open cases past their due date at `now`. `now` is spliced into the grid's constant WHERE: it is checked to be an
 * ISO 8601 UTC time first, so it can hold nothing but digits and separators.
 */
export function overdueCaseGrid(now: string): GridSpec<keyof CaseRow> {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(now)) throw new Error(`internal: ${JSON.stringify(now)} is not an ISO 8601 UTC time`);
  return { ...CASE_GRID, where: `c.status <> 'closed' AND c.due_at < '${now}'` };
}

/** What the workflow checks before a change: the case's row without its lists. */
export interface CaseHead {
  readonly caseId: number;
  readonly type: CaseType;
  readonly title: string;
  readonly groupKey: string | null;
  readonly priority: AlertSeverity;
  readonly status: CaseStatus;
  readonly assignee: string | null;
  readonly proposedBy: string | null;
  readonly mergedInto: number | null;
}

export function caseHead(db: Db, caseId: number): CaseHead | undefined {
  return db
    .prepare(
      `SELECT case_id AS caseId, type, title, group_key AS groupKey, priority, status, assignee, proposed_by AS proposedBy, merged_into AS mergedInto
       FROM cases WHERE case_id = ?`,
    )
    .get(caseId) as CaseHead | undefined;
}

/**
 * The steps of the playbook version the case opened with, for each alert type it holds, in alert type and step order:
 * each due its hours after the first alert of its type was raised, with its tick if someone did it.
 */
export function caseSteps(db: Db, caseId: number): CaseStep[] {
  const version = db.prepare('SELECT playbook_version FROM cases WHERE case_id = ?').pluck().get(caseId) as number | null | undefined;
  const playbooks = version === null || version === undefined ? undefined : playbookSets.get(db, version)?.document.playbooks;
  if (!playbooks) return [];
  const types = db
    .prepare('SELECT a.type, min(a.created_at) AS since FROM case_alerts ca JOIN alerts a USING (alert_id) WHERE ca.case_id = ? GROUP BY a.type ORDER BY a.type')
    .all(caseId) as { type: string; since: string }[];
  const ticks = new Map(
    (db.prepare('SELECT alert_type, step, done_by, done_at FROM case_step_ticks WHERE case_id = ?').all(caseId) as { alert_type: string; step: string; done_by: string; done_at: string }[]).map((t) => [
      `${t.alert_type}\u0000${t.step}`,
      t,
    ]),
  );
  return types.flatMap(({ type, since }) =>
    (playbooks.find((p) => p.alertType === type)?.steps ?? []).map((step, index) => {
      const tick = ticks.get(`${type}\u0000${step.step}`);
      return {
        alertType: type,
        position: index + 1,
        step: step.step,
        role: step.role,
        title: step.title,
        dueAt: new Date(Date.parse(since) + step.dueHours * 3_600_000).toISOString(),
        doneBy: tick?.done_by ?? null,
        doneAt: tick?.done_at ?? null,
      };
    }),
  );
}

type CaseFields = Omit<Case, 'tags' | 'alerts' | 'entities' | 'steps' | 'notes' | 'actions' | 'attachments'>;

/** One case with everything linked to it, in the order a person reads them: alerts most severe first, notes oldest first. */
export function getCase(db: Db, caseId: number): Case | undefined {
  const fields = db
    .prepare(
      `SELECT case_id AS caseId, type, title, priority, status, assignee, group_key AS groupKey, created_at AS createdAt, updated_at AS updatedAt,
              due_at AS dueAt, sla_version AS slaVersion, proposed_by AS proposedBy, proposed_at AS proposedAt, disposition,
              disposition_note AS dispositionNote, closed_by AS closedBy, closed_at AS closedAt, merged_into AS mergedInto
       FROM cases WHERE case_id = ?`,
    )
    .get(caseId) as CaseFields | undefined;
  if (!fields) return undefined;
  const alertIds = db
    .prepare('SELECT ca.alert_id FROM case_alerts ca JOIN alerts a USING (alert_id) WHERE ca.case_id = ? ORDER BY a.severity_rank DESC, a.alert_id')
    .pluck()
    .all(caseId) as number[];
  return {
    ...fields,
    tags: db.prepare('SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag').pluck().all(caseId) as string[],
    alerts: alertIds.map((id) => getAlert(db, id)).filter((alert) => alert !== undefined),
    entities: db.prepare('SELECT entity_type AS type, entity_id AS id FROM case_entities WHERE case_id = ? ORDER BY entity_type, entity_id').all(caseId) as AlertSubject[],
    steps: caseSteps(db, caseId),
    notes: db.prepare('SELECT note_id AS noteId, author, at, markdown FROM case_notes WHERE case_id = ? ORDER BY note_id').all(caseId) as CaseNote[],
    actions: (
      db.prepare('SELECT action_id AS actionId, action, subject_type, subject_id, note, by, at FROM case_actions WHERE case_id = ? ORDER BY action_id').all(caseId) as (Omit<
        CaseActionEntry,
        'subject'
      > & { subject_type: AlertSubject['type'] | null; subject_id: string | null })[]
    ).map(({ subject_type, subject_id, ...entry }) => ({ ...entry, subject: subject_type === null || subject_id === null ? null : { type: subject_type, id: subject_id } })),
    attachments: db
      .prepare(
        `SELECT attachment_id AS attachmentId, name, media_type AS mediaType, size, sha256, added_by AS addedBy, added_at AS addedAt
         FROM case_attachments WHERE case_id = ? ORDER BY attachment_id`,
      )
      .all(caseId) as CaseAttachment[],
  };
}

export interface AttachmentContent {
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly content: Buffer;
}

export function attachmentContent(db: Db, caseId: number, attachmentId: number): AttachmentContent | undefined {
  return db
    .prepare('SELECT name, media_type AS mediaType, size, sha256, content FROM case_attachments WHERE case_id = ? AND attachment_id = ?')
    .get(caseId, attachmentId) as AttachmentContent | undefined;
}



/** Open cases per assignee and age bucket at `now`. */
export function openCasesByAssignee(db: Db, now: string): { assignee: string | null; ageBucket: '0-1d' | '1-3d' | '3-7d' | '7d+'; cases: number }[] {
  return db
    .prepare(
      `SELECT assignee, CASE WHEN age < 1 THEN '0-1d' WHEN age < 3 THEN '1-3d' WHEN age < 7 THEN '3-7d' ELSE '7d+' END AS ageBucket, count(*) AS cases
       FROM (SELECT assignee, julianday(?) - julianday(created_at) AS age FROM cases WHERE status <> 'closed')
       GROUP BY assignee, ageBucket ORDER BY assignee IS NULL, assignee, ageBucket`,
    )
    .all(now) as { assignee: string | null; ageBucket: '0-1d' | '1-3d' | '3-7d' | '7d+'; cases: number }[];
}

/**
 * Per ISO week (the Monday it starts) of the due date, the cases that breached their SLA (closed after it, or still open
 * past it at `now`) and those closed in time (even before a due date still to come); the last `weeks` weeks with any.
 */
export function slaBreachesByWeek(db: Db, now: string, weeks: number): { week: string; breached: number; closedInTime: number }[] {
  return db
    .prepare(
      `SELECT week, breached, closedInTime FROM (
         SELECT date(due_at, '-' || ((CAST(strftime('%w', due_at) AS INTEGER) + 6) % 7) || ' days') AS week,
                sum(CASE WHEN coalesce(closed_at, ?) > due_at THEN 1 ELSE 0 END) AS breached,
                sum(CASE WHEN closed_at IS NOT NULL AND closed_at <= due_at THEN 1 ELSE 0 END) AS closedInTime
         FROM cases WHERE merged_into IS NULL AND (due_at <= ? OR closed_at IS NOT NULL) GROUP BY week ORDER BY week DESC LIMIT ?)
       ORDER BY week`,
    )
    .all(now, now, weeks) as { week: string; breached: number; closedInTime: number }[];
}

/**
 * The audit subjects of a case's story: the case itself, each of its alerts (a manual alert's raise) and each engine run
 * that raised or saw one of them (`credit run 4`): how the case came to be, before anyone worked it.
 */
export function caseAuditSubjects(db: Db, caseId: number): string[] {
  return db
    .prepare(
      `SELECT 'case ' || CAST(:caseId AS INTEGER)
       UNION SELECT 'alert ' || alert_id FROM case_alerts WHERE case_id = :caseId
       UNION SELECT a.source || ' run ' || a.run_id FROM case_alerts ca JOIN alerts a USING (alert_id) WHERE ca.case_id = :caseId AND a.run_id IS NOT NULL
       UNION SELECT a.source || ' run ' || a.last_run_id FROM case_alerts ca JOIN alerts a USING (alert_id) WHERE ca.case_id = :caseId AND a.last_run_id IS NOT NULL`,
    )
    .pluck()
    .all({ caseId }) as string[];
}
