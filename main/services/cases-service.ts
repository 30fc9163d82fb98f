// Working cases: the queue, one case, and every change to one (assignment, workflow moves, notes, actions, playbook
// steps, tags, merge and split, attachments), each checked against the workflow's table and the caller's role here in
// main, and committed with its audit event (subject `case <id>`, which is also the case's timeline).
import { createHash } from 'node:crypto';
import type { AuditEventListRow } from '../store/audit-queries.ts';
import { auditEventsAbout } from '../store/audit-queries.ts';
import {
  CASE_ASSIGNABLE_STATUSES,
  CASE_ASSIGNERS,
  CASE_DISPOSITIONS,
  FOUR_EYES_PRIORITIES,
  MAX_ATTACHMENT_BYTES,
  caseMove,
  type Case,
  type CaseAction,
  type CaseView,
  type CaseRow,
  type CaseStatus,
  type CaseWorkload,
  type TransitionCase,
} from '../../preload/contract/cases.ts';
import type { AlertSubject } from '../../preload/contract/alerts.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { GridQuery } from '../../preload/contract/grid.ts';
import type { Role } from '../../preload/contract/permissions.ts';
import { inTransaction } from '../store/database.ts';
import {
  addAction,
  addAttachment,
  addNote,
  alertsInCase,
  assignCase,
  caseAlertCount,
  countLabelledSubjects,
  mergeCases,
  moveCase,
  openCaseWithKey,
  setTags,
  splitCase,
  tickStep,
} from '../store/case-changes.ts';
import { attachmentContent, CASE_GRID, caseAuditSubjects, caseHead, caseSteps, OPEN_CASE_GRID, getCase, openCasesByAssignee, overdueCaseGrid, slaBreachesByWeek, type CaseHead } from '../store/cases.ts';
import { findUser } from '../store/users.ts';
import { viewRows } from '../store/grid-sql.ts';
import type { ServiceContext } from './context.ts';
import { gridPage, type Grid } from './grid-page.ts';
import { auditedChange, type AuditedEvent } from './lifecycle-service.ts';
import { requirePermission } from './permissions.ts';


const STATUS_TEXT: Readonly<Record<CaseStatus, string>> = {
  new: 'new',
  assigned: 'assigned',
  in_review: 'in review',
  escalated: 'escalated',
  pending_approval: 'pending approval',
  closed: 'closed',
};

const subjectOf = (caseId: number): string => `case ${caseId}`;

type ViewFilter = GridQuery['filterModel'];

/** A saved view as the grid it pages and the filter it adds to the page's own (the page's wins on the same column). */
function viewOf(ctx: ServiceContext, view: CaseView): { grid: Grid; filter: ViewFilter } {
  const open: Grid = { name: 'cases.open', spec: OPEN_CASE_GRID };
  switch (view) {
    case 'all':
      return { grid: { name: 'cases', spec: CASE_GRID }, filter: {} };
    case 'open':
      return { grid: open, filter: {} };
    case 'mine':
      return { grid: open, filter: { assignee: { filterType: 'set', values: [ctx.actor.username] } } };
    case 'unassigned':
      return { grid: open, filter: { status: { filterType: 'set', values: ['new'] } } };
    case 'high_critical':
      return { grid: open, filter: { priority: { filterType: 'set', values: [...FOUR_EYES_PRIORITIES] } } };
    case 'overdue': {
      // It depends on the clock: a grid of its own per minute, so that what is cached of it goes stale with time.
      const now = ctx.now().toISOString();
      return { grid: { name: `cases.overdue@${now.slice(0, 16)}`, spec: overdueCaseGrid(now) }, filter: {} };
    }
  }
}

function viewGrid(ctx: ServiceContext, view: CaseView, query: GridQuery): { grid: Grid; query: GridQuery } {
  const { grid, filter } = viewOf(ctx, view);
  return { grid, query: { ...query, filterModel: { ...filter, ...query.filterModel } } };
}

/** A page of the queue in one of its saved views; most urgent first (priority, then due date) unless sorted otherwise. */
export function casesPage(ctx: ServiceContext, view: CaseView, query: GridQuery): { rows: CaseRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  const sorted: GridQuery = query.sortModel.length > 0 ? query : { ...query, sortModel: [{ colId: 'priority', sort: 'desc' }, { colId: 'due_at', sort: 'asc' }] };
  const { grid, query: viewQuery } = viewGrid(ctx, view, sorted);
  return gridPage<CaseRow>(ctx, grid, viewQuery);
}

/** Every case of a view, most urgent first: the command line's list. */
export function listCases(ctx: ServiceContext, view: CaseView): CaseRow[] {
  requirePermission(ctx.actor, 'workspace.read');
  const { grid, query } = viewGrid(ctx, view, { startRow: 0, endRow: 1, filterModel: {}, sortModel: [{ colId: 'priority', sort: 'desc' }, { colId: 'due_at', sort: 'asc' }] });
  return [...viewRows<CaseRow>(ctx.reader, grid.spec, query.filterModel, query.sortModel, Object.keys(grid.spec.columns))];
}

export function caseDetail(ctx: ServiceContext, caseId: number): Case {
  requirePermission(ctx.actor, 'workspace.read');
  const found = getCase(ctx.reader, caseId);
  if (!found) throw notFound(caseId);
  return found;
}

/**
 * The case's story from the audit trail, oldest first: the runs and raises that brought its alerts, then who did what
 * to it and when.
 */
export function caseTimeline(ctx: ServiceContext, caseId: number): AuditEventListRow[] {
  requirePermission(ctx.actor, 'workspace.read');
  if (!caseHead(ctx.reader, caseId)) throw notFound(caseId);
  return auditEventsAbout(ctx.reader, caseAuditSubjects(ctx.reader, caseId));
}

export function caseWorkload(ctx: ServiceContext): CaseWorkload {
  requirePermission(ctx.actor, 'workspace.read');
  const now = ctx.now().toISOString();
  return { byAssignee: openCasesByAssignee(ctx.reader, now), breachesByWeek: slaBreachesByWeek(ctx.reader, now, 12) };
}

function notFound(caseId: number): RiskDeskError {
  return new RiskDeskError('NOT_FOUND', `There is no case ${caseId} in this workspace.`, { caseId });
}

/** The case as it is inside the change's transaction, read on the writable connection. */
function headFor(ctx: ServiceContext, caseId: number): CaseHead {
  const head = caseHead(ctx.workspace.db, caseId);
  if (!head) throw notFound(caseId);
  return head;
}

/** A change to a case that is not closed (notes, actions, steps, tags, attachments, assignment). */
function openHead(ctx: ServiceContext, caseId: number, doing: string): CaseHead {
  const head = headFor(ctx, caseId);
  if (head.status === 'closed') {
    const how = head.mergedInto === null ? 'reopen it first (with a reason)' : `it was merged into case ${head.mergedInto}; work that case`;
    throw new RiskDeskError('INVALID_STATE', `Case ${caseId} is closed, so ${doing} is not possible: ${how}.`, { caseId, status: head.status });
  }
  return head;
}

/** One change and its audit event about the case, in one transaction. */
function caseChange<T>(ctx: ServiceContext, caseId: number, change: (at: string, head: CaseHead) => T, event: (result: T) => Omit<AuditedEvent, 'subject'>): T {
  return auditedChange(
    ctx,
    (at) => change(at, headFor(ctx, caseId)),
    (result) => ({ subject: subjectOf(caseId), ...event(result) }),
  );
}

const changeBy = (ctx: ServiceContext, at: string) => ({ by: ctx.actor.username, at });

/**
 * Assigns a case to a user whose role works cases; from new, the case becomes assigned. Who may assign, and when, is
 * the workflow's (CASE_ASSIGNERS, CASE_ASSIGNABLE_STATUSES).
 */
export function assignCaseTo(ctx: ServiceContext, caseId: number, to: string): Case {
  requireRole(ctx.actor.role, CASE_ASSIGNERS, `assign case ${caseId}`, ctx.actor.username);
  const assignee = findUser(ctx.workspace.db, to);
  if (!assignee) throw new RiskDeskError('INVALID_ARGUMENT', `Case ${caseId} cannot be assigned to ${to}: there is no such user.`, { caseId, to });
  if (!CASE_ASSIGNERS.includes(assignee.role)) {
    throw new RiskDeskError('INVALID_ARGUMENT', `Case ${caseId} cannot be assigned to ${to}: a ${assignee.role} does not work cases (an ${CASE_ASSIGNERS.join(' or ')} does).`, { caseId, to });
  }
  caseChange(
    ctx,
    caseId,
    (at, head) => {
      if (!CASE_ASSIGNABLE_STATUSES.includes(head.status)) {
        throw new RiskDeskError('INVALID_STATE', `Case ${caseId} is ${STATUS_TEXT[head.status]}, so it cannot be assigned: only a case that is ${CASE_ASSIGNABLE_STATUSES.map((s) => STATUS_TEXT[s]).join(', ')} can be.`, {
          caseId,
          status: head.status,
        });
      }
      assignCase(ctx.workspace.db, caseId, to, changeBy(ctx, at));
      return { from: head.assignee, status: head.status };
    },
    ({ from, status }) => ({ action: 'case.assign', details: { to, from, status } }),
  );
  return caseAfter(ctx, caseId);
}

/**
 * Assigns each case in turn, each with its own audit event (its timeline shows it); all or nothing: one transaction,
 * so a case that cannot be assigned stops the lot and the error names it.
 */
export function bulkAssign(ctx: ServiceContext, caseIds: readonly number[], to: string): { assigned: number } {
  const distinct = [...new Set(caseIds)];
  return inTransaction(ctx.workspace.db, () => {
    for (const caseId of distinct) assignCaseTo(ctx, caseId, to);
    return { assigned: distinct.length };
  });
}

function requireRole(role: Role, roles: readonly Role[], doing: string, who: string): void {
  if (!roles.includes(role)) throw new RiskDeskError('FORBIDDEN', `${who} (${role}) may not ${doing}; this needs the role ${roles.join(' or ')}.`);
}

/**
 * Moves a case along the workflow (case-workflow.ts): the move must be in the table, the caller's role among its roles,
 * with the disposition or reason it needs; a closure of a high or critical case must be by someone other than its
 * proposer. Each refusal names the case, the move and why; nothing is changed then.
 */
export function transitionCase(ctx: ServiceContext, args: TransitionCase): Case {
  const { caseId, to, disposition, reason } = args;
  requirePermission(ctx.actor, 'cases.edit');
  caseChange(
    ctx,
    caseId,
    (at, head) => {
      const from = head.status;
      const moving = `Case ${caseId} cannot move from ${STATUS_TEXT[from]} to ${STATUS_TEXT[to]}`;
      if (head.mergedInto !== null) throw new RiskDeskError('INVALID_STATE', `${moving}: it was merged into case ${head.mergedInto}.`, { caseId, from, to });
      const move = caseMove(from, to);
      if (!move) throw new RiskDeskError('INVALID_STATE', `${moving}: the workflow has no such step.`, { caseId, from, to });
      if (from === 'new' && to === 'assigned') throw new RiskDeskError('INVALID_STATE', `${moving} by itself: assign it to someone.`, { caseId, from, to });
      if (!move.roles.includes(ctx.actor.role)) {
        throw new RiskDeskError('FORBIDDEN', `${moving}: ${ctx.actor.username} is ${ctx.actor.role}, and this step is for ${move.roles.join(' or ')}.`, { caseId, from, to });
      }
      if (move.needs === 'disposition' && disposition === undefined) {
        throw new RiskDeskError('INVALID_ARGUMENT', `${moving}: a closure needs a disposition (${CASE_DISPOSITIONS.join(', ')}).`, { caseId, from, to, field: 'disposition' });
      }
      if (move.needs === 'reason' && reason === undefined) throw new RiskDeskError('INVALID_ARGUMENT', `${moving}: say why (a reason).`, { caseId, from, to, field: 'reason' });
      if (move.closes && (FOUR_EYES_PRIORITIES as readonly string[]).includes(head.priority) && head.proposedBy === ctx.actor.username) {
        throw new RiskDeskError('FOUR_EYES', `${moving}: ${ctx.actor.username} proposed its closure, and a ${head.priority} case is closed by someone else (four eyes).`, {
          caseId,
          from,
          to,
          proposer: head.proposedBy,
        });
      }
      if (from === 'closed') {
        const other = openCaseWithKey(ctx.workspace.db, caseId);
        if (other !== undefined) throw new RiskDeskError('INVALID_STATE', `${moving}: case ${other} is open for the same ${head.groupKey ?? 'group'}; work that case, or reopen this one after it closes.`, { caseId, other });
      }
      moveCase(ctx.workspace.db, caseId, from, to, { ...changeBy(ctx, at), ...(move.needs === 'disposition' ? { disposition } : {}), ...(reason === undefined ? {} : { reason }) });
      return { from, labelled: to === 'closed' ? countLabelledSubjects(ctx.workspace.db, caseId) : 0, priority: head.priority };
    },
    ({ from, labelled, priority }) => ({
      action: 'case.transition',
      details: { from, to, priority, ...(disposition === undefined ? {} : { disposition }), ...(reason === undefined ? {} : { reason }), ...(to === 'closed' ? { labelled } : {}) },
    }),
  );
  return caseAfter(ctx, caseId);
}

/** The case as the change left it (read on the writable connection, which has it committed). */
function caseAfter(ctx: ServiceContext, caseId: number): Case {
  const found = getCase(ctx.workspace.db, caseId);
  if (!found) throw notFound(caseId);
  return found;
}

/**
 * A change to a case that is being worked (not closed), by a role that works cases, with its audit event; returns the
 * case as the change left it. `doing` says what for the refusal of a closed case ("adding a note").
 */
function workOnCase<T>(ctx: ServiceContext, caseId: number, doing: string, change: (at: string) => T, event: (result: T) => Omit<AuditedEvent, 'subject'>): Case {
  requirePermission(ctx.actor, 'cases.edit');
  caseChange(
    ctx,
    caseId,
    (at) => {
      openHead(ctx, caseId, doing);
      return change(at);
    },
    event,
  );
  return caseAfter(ctx, caseId);
}

/** A Markdown note; it is stored as written and rendered without raw HTML (renderer's CaseNote). */
export function addCaseNote(ctx: ServiceContext, caseId: number, markdown: string): Case {
  return workOnCase(
    ctx,
    caseId,
    'adding a note',
    (at) => addNote(ctx.workspace.db, caseId, markdown, changeBy(ctx, at)),
    (noteId) => ({ action: 'case.note', details: { noteId, markdown } }),
  );
}

export function recordCaseAction(ctx: ServiceContext, caseId: number, action: { action: CaseAction; subject?: AlertSubject; note: string }): Case {
  return workOnCase(
    ctx,
    caseId,
    'recording an action',
    (at) => addAction(ctx.workspace.db, caseId, action, changeBy(ctx, at)),
    (actionId) => ({ action: 'case.action', details: { actionId, ...action } }),
  );
}

/** Ticks a playbook step (who and when are recorded); INVALID_STATE if it is ticked already. */
export function tickPlaybookStep(ctx: ServiceContext, caseId: number, alertType: string, position: number): Case {
  return workOnCase(
    ctx,
    caseId,
    'ticking a step',
    (at) => {
      const step = caseSteps(ctx.workspace.db, caseId).find((s) => s.alertType === alertType && s.position === position);
      if (!step) throw new RiskDeskError('NOT_FOUND', `Case ${caseId} has no step ${position} in the playbook for ${alertType}.`, { caseId, alertType, position });
      if (!tickStep(ctx.workspace.db, caseId, alertType, step.step, changeBy(ctx, at))) {
        throw new RiskDeskError('INVALID_STATE', `Step ${position} (${step.step}) of case ${caseId} was ticked already by ${step.doneBy ?? 'someone'} at ${step.doneAt ?? '?'}.`, { caseId, alertType, position });
      }
      return step.step;
    },
    (step) => ({ action: 'case.step', details: { alertType, position, step } }),
  );
}

export function setCaseTags(ctx: ServiceContext, caseId: number, tags: readonly string[]): Case {
  return workOnCase(
    ctx,
    caseId,
    'tagging it',
    (at) => setTags(ctx.workspace.db, caseId, tags, changeBy(ctx, at)),
    () => ({ action: 'case.tags', details: { tags } }),
  );
}

/** Merges case `from` into case `into` (both open, of one type): `from` closes as merged; its alerts are worked in `into`. */
export function mergeCase(ctx: ServiceContext, into: number, from: number): Case {
  requirePermission(ctx.actor, 'cases.edit');
  auditedChange(
    ctx,
    (at) => {
      const target = openHead(ctx, into, `merging case ${from} into it`);
      const source = openHead(ctx, from, `merging it into case ${into}`);
      if (source.type !== target.type) {
        throw new RiskDeskError('INVALID_ARGUMENT', `Case ${from} (${source.type}) cannot be merged into case ${into} (${target.type}): cases of one type are merged.`, { into, from });
      }
      return mergeCases(ctx.workspace.db, into, from, changeBy(ctx, at));
    },
    (moved) => ({ action: 'case.merge', subject: subjectOf(into), details: { from, alertsMoved: moved } }),
  );
  return caseAfter(ctx, into);
}

/** Moves some of a case's alerts out into a new case (with the title given); returns the new case. */
export function splitCaseAlerts(ctx: ServiceContext, caseId: number, alertIds: readonly number[], title: string): Case {
  requirePermission(ctx.actor, 'cases.edit');
  const newId = auditedChange(
    ctx,
    (at) => {
      openHead(ctx, caseId, 'splitting it');
      const wanted = [...new Set(alertIds)];
      const inCase = alertsInCase(ctx.workspace.db, caseId, wanted);
      const missing = wanted.filter((id) => !inCase.includes(id));
      if (missing.length > 0) throw new RiskDeskError('INVALID_ARGUMENT', `Case ${caseId} has no alert ${missing.join(', ')}; split moves alerts of the case.`, { caseId, missing });
      if (inCase.length === caseAlertCount(ctx.workspace.db, caseId)) {
        throw new RiskDeskError('INVALID_ARGUMENT', `Splitting every alert out of case ${caseId} would leave it empty; leave at least one, or rename the case instead.`, { caseId });
      }
      return splitCase(ctx.workspace.db, caseId, inCase, title, changeBy(ctx, at));
    },
    (created) => ({ action: 'case.split', subject: subjectOf(caseId), details: { into: created, alertIds: [...new Set(alertIds)], title } }),
  );
  return caseAfter(ctx, newId);
}

/** Keeps a file on the case, inside the encrypted workspace, with its SHA-256; PAYLOAD_TOO_LARGE over the limit. */
export function attachToCase(ctx: ServiceContext, caseId: number, file: { name: string; mediaType: string; content: Buffer }): Case {
  requirePermission(ctx.actor, 'cases.edit');
  if (file.content.length > MAX_ATTACHMENT_BYTES) {
    throw new RiskDeskError('INVALID_ARGUMENT', `${file.name} is ${megabytes(file.content.length)}; a case keeps files of at most ${megabytes(MAX_ATTACHMENT_BYTES)}.`, { caseId, name: file.name, field: 'file' });
  }
  if (file.content.length === 0) throw new RiskDeskError('INVALID_ARGUMENT', `${file.name} is empty; attach a file with content.`, { caseId, name: file.name, field: 'file' });
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return workOnCase(
    ctx,
    caseId,
    'attaching a file',
    (at) => addAttachment(ctx.workspace.db, caseId, { ...file, sha256 }, changeBy(ctx, at)),
    (attachmentId) => ({ action: 'case.attach', details: { attachmentId, name: file.name, mediaType: file.mediaType, size: file.content.length, sha256 } }),
  );
}

/** An attachment's bytes, checked against the SHA-256 kept with them (INTEGRITY if they differ). */
export function caseAttachment(ctx: ServiceContext, caseId: number, attachmentId: number): { name: string; mediaType: string; size: number; sha256: string; content: Buffer } {
  requirePermission(ctx.actor, 'workspace.read');
  const found = attachmentContent(ctx.reader, caseId, attachmentId);
  if (!found) throw new RiskDeskError('NOT_FOUND', `Case ${caseId} has no attachment ${attachmentId}.`, { caseId, attachmentId });
  const actual = createHash('sha256').update(found.content).digest('hex');
  if (actual !== found.sha256) throw new RiskDeskError('WORKSPACE_DAMAGED', `Attachment ${attachmentId} of case ${caseId} (${found.name}) does not match its SHA-256.`, { caseId, attachmentId });
  // The file leaves the encrypted workspace (an ID scan, a bank statement): who took it is on the case's timeline.
  // Allowed on a closed case too, so this is not a case change; the caller holds the write lock for the event.
  return auditedChange(
    ctx,
    () => found,
    () => ({ action: 'case.download', subject: subjectOf(caseId), details: { attachmentId, name: found.name, size: found.size, sha256: found.sha256 } }),
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
