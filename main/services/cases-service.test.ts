import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AlertSeverity } from '../../preload/contract/alerts.ts';
import { CASE_MOVES, CASE_STATUSES, caseMove, type CaseStatus } from '../../preload/contract/cases.ts';
import { ROLES, type Role } from '../../preload/contract/permissions.ts';
import { emitAlerts, type EmittedAlert } from '../store/alerts.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { inTransaction } from '../store/database.ts';
import { insertRun } from '../store/runs.ts';
import { insertUser } from '../store/users.ts';
import { databaseContext } from '../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { raiseManualAlert } from './alerts-service.ts';
import {
  addCaseNote,
  assignCaseTo,
  attachToCase,
  bulkAssign,
  caseAttachment,
  caseDetail,
  casesPage,
  caseTimeline,
  caseWorkload,
  listCases,
  mergeCase,
  recordCaseAction,
  setCaseTags,
  splitCaseAlerts,
  tickPlaybookStep,
  transitionCase,
} from './cases-service.ts';
import type { ServiceContext } from './context.ts';

const NOW = new Date('2026-01-31T20:00:00.000Z');

/** One user of each role, and a second analyst and compliance user for four eyes. */
const USERS: readonly { username: string; role: Role }[] = [
  { username: 'ana', role: 'analyst' },
  { username: 'andy', role: 'analyst' },
  { username: 'cole', role: 'compliance' },
  { username: 'cara', role: 'compliance' },
  { username: 'admin', role: 'admin' },
  { username: 'audrey', role: 'auditor' },
];
const BY_ROLE: Readonly<Record<Role, string>> = { analyst: 'ana', compliance: 'cole', admin: 'admin', auditor: 'audrey' };

function hasCode(code: string, ...fragments: string[]) {
  return (error: Error & { code?: string }) => {
    assert.equal(error.code, code, error.message);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" names ${fragment}`);
    return true;
  };
}

describe('cases', () => {
  let temp: TempDatabase;
  let clock = NOW;
  const as = (username: string, now?: Date): ServiceContext => {
    const user = USERS.find((u) => u.username === username);
    assert.ok(user, username);
    return databaseContext(temp, user, { now: () => now ?? clock });
  };
  const count = (sql: string, ...params: unknown[]): number => temp.db.prepare(sql).pluck().get(...params) as number;

  beforeEach(() => {
    temp = createTempDatabase('riskdesk-cases-');
    clock = NOW;
    inTransaction(temp.db, () => {
      for (const user of USERS) insertUser(temp.db, { ...user, created_at: NOW.toISOString(), created_by: 'admin' });
      temp.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('B1', 'north', 1), ('B2', 'south', 1)`).run();
      const loan = temp.db.prepare(
        `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency) VALUES (?, ?, 'cash', '2025-01-01', 100000, 0.1, 12, 'CNY')`,
      );
      for (const [loanId, borrowerId] of [['L1', 'B1'], ['L2', 'B1'], ['L3', 'B2']]) loan.run(loanId, borrowerId);
    });
  });
  afterEach(() => temp.dispose());

  /** A credit run's alerts on loans, emitted as the run does (its row first, in one transaction). */
  function creditRun(at: Date, alerts: EmittedAlert[]) {
    const db = temp.db;
    return inTransaction(db, () => {
      const runId = insertRun(db, { engine: 'credit', asOf: at.toISOString().slice(0, 10), artefacts: { 'credit.model': 1 }, startedBy: 'ana', startedAt: at.toISOString(), currency: 'CNY' });
      return emitAlerts(db, { source: 'credit', runId, artefacts: { 'credit.model': 1 }, raisedBy: null, at: at.toISOString(), alerts });
    });
  }
  const stage = (loanId: string, severity: AlertSeverity): EmittedAlert => ({
    type: 'credit.stage_migration',
    subject: { type: 'loan', id: loanId },
    severity,
    score: 1,
    explanation: { key: 'credit.stage_migration', figures: [{ name: 'stage', value: 3, previous: 1 }] },
  });
  const dpd = (loanId: string, severity: AlertSeverity): EmittedAlert => ({
    type: 'credit.dpd_crossing',
    subject: { type: 'loan', id: loanId },
    severity,
    score: 1,
    explanation: { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: 31, threshold: 30, unit: 'days' }] },
  });
  const caseOfTitle = (title: string): number => {
    const row = listCases(as('ana'), 'all').find((c) => c.title === title);
    assert.ok(row, `a case titled ${title}`);
    return row.case_id;
  };

  describe('grouping alerts into cases', () => {
    it("files a credit run's loan alerts by borrower, once: a second run adds none and raises the priority only when a severity rises", () => {
      const first = creditRun(NOW, [stage('L1', 'medium'), dpd('L2', 'low'), stage('L3', 'low')]);
      assert.equal(first.casesOpened, 2);
      const b1 = caseDetail(as('ana'), caseOfTitle('borrower B1'));
      assert.equal(b1.type, 'credit');
      assert.equal(b1.groupKey, 'borrower:B1');
      assert.equal(b1.status, 'new');
      assert.equal(b1.priority, 'medium');
      assert.deepEqual(b1.alerts.map((a) => a.subject.id).sort(), ['L1', 'L2']);
      assert.deepEqual(b1.entities, [
        { type: 'borrower', id: 'B1' },
        { type: 'loan', id: 'L1' },
        { type: 'loan', id: 'L2' },
      ]);
      // Credit medium: 120 hours after opening.
      assert.equal(b1.dueAt, '2026-02-05T20:00:00.000Z');
      // Both alert types have playbooks: the stage-3 migration's four steps and the DPD crossing's two.
      assert.deepEqual(
        b1.steps.map((s) => `${s.alertType}#${s.position} ${s.step} ${s.role} ${s.dueAt}`),
        [
          'credit.dpd_crossing#1 contact_borrower analyst 2026-02-01T20:00:00.000Z',
          'credit.dpd_crossing#2 agree_repayment_plan analyst 2026-02-05T20:00:00.000Z',
          'credit.stage_migration#1 contact_borrower analyst 2026-02-02T20:00:00.000Z',
          'credit.stage_migration#2 review_collateral analyst 2026-02-03T20:00:00.000Z',
          'credit.stage_migration#3 set_provision_override analyst 2026-02-04T20:00:00.000Z',
          'credit.stage_migration#4 report_to_committee compliance 2026-02-05T20:00:00.000Z',
        ],
      );

      const later = new Date('2026-02-01T08:00:00.000Z');
      const second = creditRun(later, [stage('L1', 'critical'), dpd('L2', 'low'), stage('L3', 'low')]);
      assert.deepEqual({ raised: second.raised, repeated: second.repeated, casesOpened: second.casesOpened }, { raised: 0, repeated: 3, casesOpened: 0 });
      assert.equal(count('SELECT count(*) FROM cases'), 2);
      const raised = caseDetail(as('ana'), b1.caseId);
      assert.deepEqual(raised.steps, b1.steps, 'a playbook counts once per case and alert type, due from its first alert');
      assert.equal(raised.priority, 'critical');
      // Critical credit: 24 hours from the moment it became critical, earlier than the medium due date.
      assert.equal(raised.dueAt, '2026-02-02T08:00:00.000Z');
      const b2 = caseDetail(as('ana'), caseOfTitle('borrower B2'));
      assert.equal(b2.dueAt, '2026-02-10T20:00:00.000Z', 'a low case stays due 240 hours after it opened');
    });

    it('opens a new case for a group whose case is closed, and a manual alert is grouped by its own subject', () => {
      creditRun(NOW, [dpd('L3', 'low')]);
      const first = caseOfTitle('borrower B2');
      closeCase(first, 'no_action');
      creditRun(new Date('2026-02-02T00:00:00.000Z'), [dpd('L3', 'low')]);
      const cases = listCases(as('ana'), 'all').filter((c) => c.title === 'borrower B2');
      assert.equal(cases.length, 2);
      assert.deepEqual(cases.map((c) => c.status).sort(), ['closed', 'new']);

      raiseManualAlert(as('cole'), { subject: { type: 'device', id: 'D-9' }, severity: 'high', note: 'shared by 40 accounts' });
      const manual = caseDetail(as('ana'), caseOfTitle('device D-9'));
      assert.equal(manual.type, 'manual');
      assert.equal(manual.priority, 'high');
      assert.deepEqual(manual.steps.map((s) => s.step), ['review_subject']);
      assert.deepEqual(
        caseTimeline(as('ana'), manual.caseId).map((e) => `${e.actor} ${e.action} ${e.subject}`),
        [`cole alert.raise alert ${manual.alerts[0]?.alertId}`],
        'the timeline starts with how the case came to be',
      );
    });
  });

  /** Takes a new case to `status` the way people would: analysts work it, compliance closes it. */
  function drive(caseId: number, status: CaseStatus): void {
    const path: Readonly<Record<CaseStatus, (() => void)[]>> = {
      new: [],
      assigned: [() => assignCaseTo(as('ana'), caseId, 'ana')],
      in_review: [() => assignCaseTo(as('ana'), caseId, 'ana'), () => transitionCase(as('ana'), { caseId, to: 'in_review' })],
      escalated: [() => assignCaseTo(as('ana'), caseId, 'ana'), () => transitionCase(as('ana'), { caseId, to: 'escalated' })],
      pending_approval: [
        () => assignCaseTo(as('ana'), caseId, 'ana'),
        () => transitionCase(as('ana'), { caseId, to: 'in_review' }),
        () => transitionCase(as('ana'), { caseId, to: 'pending_approval', disposition: 'false_positive' }),
      ],
      closed: [
        () => assignCaseTo(as('ana'), caseId, 'ana'),
        () => transitionCase(as('ana'), { caseId, to: 'in_review' }),
        () => transitionCase(as('ana'), { caseId, to: 'pending_approval', disposition: 'false_positive' }),
        () => transitionCase(as('cole'), { caseId, to: 'closed' }),
      ],
    };
    for (const step of path[status]) step();
    assert.equal(caseDetail(as('ana'), caseId).status, status);
  }

  function closeCase(caseId: number, disposition: 'no_action' | 'confirmed_fraud' | 'credit_action_taken'): void {
    assignCaseTo(as('ana'), caseId, 'ana');
    transitionCase(as('ana'), { caseId, to: 'in_review' });
    transitionCase(as('ana'), { caseId, to: 'pending_approval', disposition });
    transitionCase(as('cole'), { caseId, to: 'closed' });
  }

  let subjects = 0;
  /** A fresh manual case of low priority (no four eyes), on a subject of its own. */
  function freshCase(): number {
    subjects += 1;
    raiseManualAlert(as('cole'), { subject: { type: 'account', id: `A${subjects}` }, severity: 'low', note: 'n' });
    return caseOfTitle(`account A${subjects}`);
  }

  describe('the workflow', () => {
    it('allows every move of the table to exactly its roles, and no move outside it to anyone (every role × every pair of statuses)', () => {
      let checked = 0;
      let made = 0;
      for (const from of CASE_STATUSES) {
        for (const to of CASE_STATUSES) {
          const move = caseMove(from, to);
          for (const role of ROLES) {
            const caseId = freshCase();
            drive(caseId, from);
            const args = { caseId, to, ...(move?.needs === 'disposition' ? { disposition: 'no_action' as const } : {}), ...(move?.needs === 'reason' ? { reason: 'because' } : {}) };
            const attempt = () => transitionCase(as(BY_ROLE[role]), args);
            if (role === 'admin' || role === 'auditor') {
              assert.throws(attempt, hasCode('FORBIDDEN'), `${role} ${from} → ${to}`);
            } else if (move === undefined || (from === 'new' && to === 'assigned')) {
              assert.throws(attempt, hasCode('INVALID_STATE', `Case ${caseId}`), `${role} ${from} → ${to}`);
            } else if (!move.roles.includes(role)) {
              assert.throws(attempt, hasCode('FORBIDDEN', `Case ${caseId}`, role), `${role} ${from} → ${to}`);
            } else {
              assert.equal(attempt().status, to, `${role} ${from} → ${to}`);
              made += 1;
            }
            checked += 1;
          }
        }
      }
      assert.equal(checked, CASE_STATUSES.length ** 2 * ROLES.length);
      // Every role of every move but assignment (its own call) made it once.
      assert.equal(made, CASE_MOVES.filter((m) => m.from !== 'new').reduce((sum, m) => sum + m.roles.length, 0));
    });

    it('refuses a move without the disposition or reason it needs, naming the case, the move and what is missing; nothing changes', () => {
      const caseId = freshCase();
      drive(caseId, 'in_review');
      assert.throws(() => transitionCase(as('ana'), { caseId, to: 'pending_approval' }), hasCode('INVALID_ARGUMENT', `Case ${caseId}`, 'in review to pending approval', 'disposition'));
      drive(freshCase(), 'closed');
      const closed = listCases(as('ana'), 'all').find((c) => c.status === 'closed');
      assert.ok(closed);
      assert.throws(() => transitionCase(as('ana'), { caseId: closed.case_id, to: 'in_review' }), hasCode('INVALID_ARGUMENT', `Case ${closed.case_id}`, 'closed to in review', 'reason'));
      assert.equal(caseDetail(as('ana'), caseId).status, 'in_review');
      assert.ok(verifyAuditChain(temp.db).ok);
    });

    it('keeps the proposer of a high or critical closure from closing it, in the service and in the database; a low one they may close', () => {
      raiseManualAlert(as('cole'), { subject: { type: 'loan', id: 'L1' }, severity: 'critical', note: 'fraud ring' });
      const high = caseOfTitle('loan L1');
      assignCaseTo(as('ana'), high, 'ana');
      transitionCase(as('ana'), { caseId: high, to: 'in_review' });
      transitionCase(as('ana'), { caseId: high, to: 'pending_approval', disposition: 'confirmed_fraud', reason: 'device shared with known ring' });
      assert.throws(() => transitionCase(as('ana'), { caseId: high, to: 'closed' }), hasCode('FOUR_EYES', `Case ${high}`, 'ana proposed', 'four eyes'));
      assert.throws(
        () => temp.db.prepare(`UPDATE cases SET status = 'closed', closed_by = 'ana', closed_at = ? WHERE case_id = ?`).run(NOW.toISOString(), high),
        /CHECK constraint failed/,
        'the schema refuses it too',
      );
      assert.equal(transitionCase(as('andy'), { caseId: high, to: 'closed' }).closedBy, 'andy', 'another analyst may close it');

      const low = freshCase();
      drive(low, 'in_review');
      transitionCase(as('ana'), { caseId: low, to: 'pending_approval', disposition: 'no_action' });
      assert.equal(transitionCase(as('ana'), { caseId: low, to: 'closed' }).status, 'closed');
    });

    it('closes the alerts of a closed case, writes its disposition as a label on its loans, and reopens with a reason', () => {
      creditRun(NOW, [stage('L1', 'high'), dpd('L2', 'low')]);
      const caseId = caseOfTitle('borrower B1');
      closeCase(caseId, 'credit_action_taken');
      assert.equal(count(`SELECT count(*) FROM alerts WHERE status = 'open'`), 0);
      assert.deepEqual(temp.db.prepare(`SELECT subject_type, subject_id, label, source, labeled_at FROM labels ORDER BY subject_id`).all(), [
        { subject_type: 'loan', subject_id: 'L1', label: 'credit_action_taken', source: 'case', labeled_at: NOW.toISOString() },
        { subject_type: 'loan', subject_id: 'L2', label: 'credit_action_taken', source: 'case', labeled_at: NOW.toISOString() },
      ]);
      const reopened = transitionCase(as('cole'), { caseId, to: 'in_review', reason: 'borrower disputes the restructuring' });
      assert.deepEqual([reopened.status, reopened.disposition, reopened.closedBy, reopened.assignee], ['in_review', null, null, 'ana']);
      const timeline = caseTimeline(as('audrey'), caseId);
      assert.deepEqual(
        timeline.map((e) => `${e.actor} ${e.action} ${(JSON.parse(e.details) as { to?: string }).to ?? ''}`),
        ['ana case.assign ana', 'ana case.transition in_review', 'ana case.transition pending_approval', 'cole case.transition closed', 'cole case.transition in_review'],
      );
      assert.match(timeline[4]?.details ?? '', /borrower disputes the restructuring/);
    });

    it('assigns only to users who work cases, only while the case is worked, and in bulk all or nothing', () => {
      const a = freshCase();
      const b = freshCase();
      assert.throws(() => assignCaseTo(as('ana'), a, 'audrey'), hasCode('INVALID_ARGUMENT', `Case ${a}`, 'auditor'));
      assert.throws(() => assignCaseTo(as('ana'), a, 'nobody'), hasCode('INVALID_ARGUMENT', 'no such user'));
      assert.throws(() => assignCaseTo(as('audrey'), a, 'ana'), hasCode('FORBIDDEN'));
      drive(b, 'closed');
      assert.throws(() => bulkAssign(as('ana'), [a, b], 'andy'), hasCode('INVALID_STATE', `Case ${b}`, 'closed'));
      assert.equal(caseDetail(as('ana'), a).assignee, null, 'the first of the lot was not assigned either');
      assert.deepEqual(bulkAssign(as('ana'), [a, a], 'andy'), { assigned: 1 });
      assert.deepEqual([caseDetail(as('ana'), a).status, caseDetail(as('ana'), a).assignee], ['assigned', 'andy']);
    });
  });

  describe('working a case', () => {
    it('keeps notes as written, records actions, ticks playbook steps once with who and when, and tags', () => {
      creditRun(NOW, [stage('L1', 'high')]);
      const caseId = caseOfTitle('borrower B1');
      const script = 'Called the borrower. <script>alert(1)</script> **Promised** to pay.';
      addCaseNote(as('ana'), caseId, script);
      recordCaseAction(as('ana'), caseId, { action: 'reduce_limit', subject: { type: 'loan', id: 'L1' }, note: 'limit to 5,000' });
      clock = new Date('2026-02-01T09:30:00.000Z');
      const ticked = tickPlaybookStep(as('ana'), caseId, 'credit.stage_migration', 1);
      assert.deepEqual(ticked.steps[0], {
        alertType: 'credit.stage_migration',
        position: 1,
        step: 'contact_borrower',
        role: 'analyst',
        title: { en: 'Contact the borrower', 'zh-CN': '联系借款人' },
        dueAt: '2026-02-02T20:00:00.000Z',
        doneBy: 'ana',
        doneAt: '2026-02-01T09:30:00.000Z',
      });
      assert.throws(() => tickPlaybookStep(as('andy'), caseId, 'credit.stage_migration', 1), hasCode('INVALID_STATE', 'ticked already by ana'));
      assert.throws(() => tickPlaybookStep(as('andy'), caseId, 'credit.stage_migration', 9), hasCode('NOT_FOUND', `Case ${caseId}`));
      const tagged = setCaseTags(as('ana'), caseId, ['restructuring', 'vip']);
      assert.deepEqual(tagged.tags, ['restructuring', 'vip']);
      assert.equal(tagged.notes[0]?.markdown, script, 'stored as written; the screen renders it without raw HTML');
      assert.deepEqual(tagged.actions.map((a) => [a.action, a.subject, a.note, a.by]), [['reduce_limit', { type: 'loan', id: 'L1' }, 'limit to 5,000', 'ana']]);
      assert.deepEqual(
        caseTimeline(as('ana'), caseId).map((e) => e.action),
        ['case.note', 'case.action', 'case.step', 'case.tags'],
      );
    });

    it('keeps attachments encrypted in the workspace with their SHA-256, gives the same bytes back, and refuses one over the limit', () => {
      const caseId = freshCase();
      const content = Buffer.from('%PDF-1.7 statement of account\n'.repeat(100));
      const added = attachToCase(as('ana'), caseId, { name: 'statement.pdf', mediaType: 'application/pdf', content });
      const [attachment] = added.attachments;
      assert.ok(attachment);
      assert.equal(attachment.sha256, createHash('sha256').update(content).digest('hex'));
      assert.equal(attachment.size, content.length);
      const downloads = (): number => count("SELECT count(*) FROM audit_events WHERE action = 'case.download' AND subject = ? AND actor = 'audrey'", `case ${caseId}`);
      assert.equal(downloads(), 0);
      const back = caseAttachment(as('audrey'), caseId, attachment.attachmentId);
      assert.ok(back.content.equals(content));
      // Taking the file out of the workspace is on the case's record, with the bytes' SHA-256.
      assert.equal(downloads(), 1);
      assert.equal(count("SELECT count(*) FROM audit_events WHERE action = 'case.download' AND details ->> 'sha256' = ?", attachment.sha256), 1);
      assert.throws(() => attachToCase(as('ana'), caseId, { name: 'huge.bin', mediaType: 'application/octet-stream', content: Buffer.alloc(10 * 1024 * 1024 + 1) }), hasCode('INVALID_ARGUMENT', 'huge.bin', '10.0 MiB'));
      temp.db.prepare('UPDATE case_attachments SET content = ? WHERE attachment_id = ?').run(Buffer.from('tampered'.padEnd(content.length, '!')), attachment.attachmentId);
      assert.throws(() => caseAttachment(as('ana'), caseId, attachment.attachmentId), hasCode('WORKSPACE_DAMAGED', 'statement.pdf'));
      assert.equal(count('SELECT count(*) FROM case_attachments'), 1);
      assert.equal(downloads(), 1, 'a damaged file that was not handed out is not recorded as taken');
    });

    it('merges two cases into one and splits alerts out into a new case, keeping priorities and counts right', () => {
      creditRun(NOW, [stage('L1', 'high'), dpd('L2', 'low'), dpd('L3', 'low')]);
      const b1 = caseOfTitle('borrower B1');
      const b2 = caseOfTitle('borrower B2');
      const merged = mergeCase(as('ana'), b1, b2);
      assert.equal(merged.alerts.length, 3);
      assert.ok(merged.entities.some((e) => e.type === 'borrower' && e.id === 'B2'));
      const gone = caseDetail(as('ana'), b2);
      assert.deepEqual([gone.status, gone.mergedInto, gone.disposition], ['closed', b1, null]);
      assert.throws(() => addCaseNote(as('ana'), b2, 'x'), hasCode('INVALID_STATE', `merged into case ${b1}`));

      const high = merged.alerts.find((a) => a.severity === 'high');
      assert.ok(high);
      const split = splitCaseAlerts(as('ana'), b1, [high.alertId], 'L1 restructuring');
      assert.deepEqual([split.title, split.priority, split.alerts.length, split.groupKey], ['L1 restructuring', 'high', 1, null]);
      assert.deepEqual(split.steps.map((s) => s.alertType), ['credit.stage_migration', 'credit.stage_migration', 'credit.stage_migration', 'credit.stage_migration']);
      const rest = caseDetail(as('ana'), b1);
      assert.deepEqual([rest.priority, rest.alerts.length], ['low', 2]);
      assert.throws(() => splitCaseAlerts(as('ana'), b1, rest.alerts.map((a) => a.alertId), 'all'), hasCode('INVALID_ARGUMENT', 'empty'));
      assert.throws(() => splitCaseAlerts(as('ana'), b1, [high.alertId], 'again'), hasCode('INVALID_ARGUMENT', `Case ${b1} has no alert ${high.alertId}`));
    });
  });

  describe('the queue', () => {
    it('pages saved views: mine, unassigned, overdue at the clock, high and critical; most urgent first', () => {
      creditRun(NOW, [stage('L1', 'critical'), dpd('L3', 'low')]);
      // Opened an hour later, so due an hour after the other low case (both 240 hours).
      clock = new Date(NOW.getTime() + 3_600_000);
      const manual = freshCase();
      assignCaseTo(as('ana'), manual, 'ana');
      const query = { startRow: 0, endRow: 50, sortModel: [], filterModel: {} };
      const titles = (view: Parameters<typeof casesPage>[1], who = 'ana', now?: Date) => casesPage(as(who, now), view, query).rows.map((r) => r.title);
      assert.deepEqual(titles('open'), ['borrower B1', 'borrower B2', `account A${subjects}`]);
      assert.deepEqual(titles('mine'), [`account A${subjects}`]);
      assert.deepEqual(titles('mine', 'andy'), []);
      assert.deepEqual(titles('unassigned'), ['borrower B1', 'borrower B2']);
      assert.deepEqual(titles('high_critical'), ['borrower B1']);
      assert.deepEqual(titles('overdue'), []);
      // A day and a minute later the critical credit case (24 hours) is overdue; the others are not.
      assert.deepEqual(titles('overdue', 'ana', new Date('2026-02-01T20:01:00.000Z')), ['borrower B1']);
      assert.equal(casesPage(as('ana'), 'all', { ...query, sortModel: [{ colId: 'title', sort: 'asc' }] }).rows[0]?.title, `account A${subjects}`);
    });

    it('counts open cases per assignee and age, and SLA breaches per week of their due date', () => {
      creditRun(NOW, [stage('L1', 'critical'), dpd('L3', 'low')]);
      const b1 = caseOfTitle('borrower B1');
      assignCaseTo(as('ana'), b1, 'ana');
      const workload = caseWorkload(as('audrey', new Date('2026-02-02T21:00:00.000Z')));
      assert.deepEqual(workload.byAssignee, [
        { assignee: 'ana', ageBucket: '1-3d', cases: 1 },
        { assignee: null, ageBucket: '1-3d', cases: 1 },
      ]);
      // B1 was due 2026-02-01T20:00 (a Sunday: the week of Monday 2026-01-26) and is still open: one breach.
      assert.deepEqual(workload.breachesByWeek, [{ week: '2026-01-26', breached: 1, closedInTime: 0 }]);
    });
  });
});
