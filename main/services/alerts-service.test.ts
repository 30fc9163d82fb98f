import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Role } from '../../preload/contract/permissions.ts';
import { emitAlerts } from '../store/alerts.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { inTransaction } from '../store/database.ts';
import { insertRun } from '../store/runs.ts';
import { closeAlert } from '../test-support/closed-alerts.ts';
import { databaseContext } from '../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { alert, alertsPage, listAlerts, raiseManualAlert } from './alerts-service.ts';
import type { ServiceContext } from './context.ts';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const LATER = new Date('2025-03-05T08:00:00.000Z');

function hasCode(code: string, fragment = '') {
  return (error: Error & { code?: string }) => error.code === code && error.message.includes(fragment);
}

describe('alerts through the service', () => {
  let temp: TempDatabase;
  const as = (username: string, role: Role, now = NOW): ServiceContext => databaseContext(temp, { username, role }, { now: () => now });
  const events = () =>
    (temp.db.prepare('SELECT actor, action, subject, at, details FROM audit_events ORDER BY seq').all() as { actor: string; action: string; subject: string; at: string; details: string }[]).map((e) => ({
      ...e,
      details: JSON.parse(e.details) as unknown,
    }));
  const alertCount = (): number => temp.db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;

  beforeEach(() => {
    temp = createTempDatabase('riskdesk-alerts-service-');
  });
  afterEach(() => temp.dispose());

  it('raises a manual alert on any subject, with one audit event in the same transaction', () => {
    const raised = raiseManualAlert(as('ana', 'analyst'), { subject: { type: 'device', id: 'D-77' }, severity: 'high', note: 'Same device on 40 new accounts' });
    assert.deepEqual(raised, {
      alertId: 1,
      source: 'manual',
      type: 'manual.review',
      subject: { type: 'device', id: 'D-77' },
      severity: 'high',
      score: 0,
      explanation: { key: 'manual.review', figures: [], note: 'Same device on 40 new accounts' },
      runId: null,
      lastRunId: null,
      artefacts: {},
      raisedBy: 'ana',
      status: 'open',
      occurrences: 1,
      createdAt: NOW.toISOString(),
      lastSeenAt: NOW.toISOString(),
    });
    assert.deepEqual(events(), [
      {
        actor: 'ana',
        action: 'alert.raise',
        subject: 'alert 1',
        at: NOW.toISOString(),
        details: { type: 'manual.review', subject: { type: 'device', id: 'D-77' }, severity: 'high', note: 'Same device on 40 new accounts', occurrences: 1 },
      },
    ]);
    assert.equal(verifyAuditChain(temp.db).ok, true);
    assert.deepEqual(alert(as('aud', 'auditor'), 1), raised);
  });

  it('lets analysts, compliance and admins raise one, and refuses an auditor with FORBIDDEN, writing nothing', () => {
    assert.throws(() => raiseManualAlert(as('aud', 'auditor'), { subject: { type: 'loan', id: 'L1' }, severity: 'low', note: 'n' }), hasCode('FORBIDDEN', 'aud (auditor) may not alerts.raise'));
    assert.equal(alertCount(), 0);
    assert.deepEqual(events(), []);
    raiseManualAlert(as('ana', 'analyst'), { subject: { type: 'loan', id: 'L1' }, severity: 'low', note: 'n' });
    raiseManualAlert(as('cole', 'compliance'), { subject: { type: 'borrower', id: 'B1' }, severity: 'low', note: 'n' });
    raiseManualAlert(as('root', 'admin'), { subject: { type: 'portfolio', id: 'retail' }, severity: 'low', note: 'n' });
    assert.deepEqual(
      events().map((e) => e.actor),
      ['ana', 'cole', 'root'],
    );
  });

  it('counts a second raise on a subject whose manual alert is open as a re-occurrence: latest severity, note and author', () => {
    const first = raiseManualAlert(as('ana', 'analyst'), { subject: { type: 'loan', id: 'L1' }, severity: 'medium', note: 'Borrower unreachable' });
    const second = raiseManualAlert(as('cole', 'compliance', LATER), { subject: { type: 'loan', id: 'L1' }, severity: 'critical', note: 'Collateral sold' });
    assert.equal(second.alertId, first.alertId);
    assert.deepEqual(
      [second.occurrences, second.severity, second.explanation.note, second.raisedBy, second.createdAt, second.lastSeenAt],
      [2, 'critical', 'Collateral sold', 'cole', NOW.toISOString(), LATER.toISOString()],
    );
    assert.equal(alertCount(), 1);
    // The trail keeps both notes.
    assert.deepEqual(
      events().map((e) => [e.actor, (e.details as { note: string; occurrences: number }).note, (e.details as { occurrences: number }).occurrences]),
      [
        ['ana', 'Borrower unreachable', 1],
        ['cole', 'Collateral sold', 2],
      ],
    );
    inTransaction(temp.db, () => closeAlert(temp.db, first.alertId));
    const third = raiseManualAlert(as('ana', 'analyst'), { subject: { type: 'loan', id: 'L1' }, severity: 'low', note: 'Again' });
    assert.notEqual(third.alertId, first.alertId);
    assert.equal(third.occurrences, 1);
  });

  it('refuses arguments that are not a manual alert with VALIDATION naming the field, writing nothing', () => {
    const ana = as('ana', 'analyst');
    const cases: [unknown, string][] = [
      [{ subject: { type: 'planet', id: 'P1' }, severity: 'low', note: 'n' }, 'subject.type'],
      [{ subject: { type: 'loan', id: '' }, severity: 'low', note: 'n' }, 'subject.id'],
      [{ subject: { type: 'loan', id: 'L1' }, severity: 'urgent', note: 'n' }, 'severity'],
      [{ subject: { type: 'loan', id: 'L1' }, severity: 'low', note: '   ' }, 'note'],
      [{ subject: { type: 'loan', id: 'L1' }, severity: 'low' }, 'note'],
      [{ subject: { type: 'loan', id: 'L1' }, severity: 'low', note: 'n', score: 3 }, '(arguments): Unrecognized key: "score"'],
      [null, '(arguments)'],
    ];
    for (const [args, field] of cases) {
      assert.throws(() => raiseManualAlert(ana, args), hasCode('VALIDATION', `Invalid manual alert: ${field}`), field);
    }
    assert.equal(alertCount(), 0);
    assert.deepEqual(events(), []);
  });

  it('answers NOT_FOUND for an alert that is not there', () => {
    assert.throws(() => alert(as('aud', 'auditor'), 42), hasCode('NOT_FOUND', 'There is no alert 42'));
  });

  it('pages the queue with the sort and filters run in SQL, and refuses a column the grid does not have', () => {
    const ana = as('ana', 'analyst');
    raiseManualAlert(ana, { subject: { type: 'loan', id: 'L1' }, severity: 'medium', note: 'n' });
    raiseManualAlert(ana, { subject: { type: 'loan', id: 'L2' }, severity: 'critical', note: 'n' });
    raiseManualAlert(ana, { subject: { type: 'account', id: 'A1' }, severity: 'low', note: 'n' });
    const page = alertsPage(as('aud', 'auditor'), { startRow: 0, endRow: 2, sortModel: [{ colId: 'severity', sort: 'desc' }], filterModel: { subject_type: { filterType: 'set', values: ['loan', 'account'] } } });
    assert.equal(page.rowCount, 3);
    assert.deepEqual(
      page.rows.map((r) => [r.subject_id, r.severity]),
      [
        ['L2', 'critical'],
        ['L1', 'medium'],
      ],
    );
    assert.throws(() => alertsPage(ana, { startRow: 0, endRow: 10, sortModel: [{ colId: 'note', sort: 'asc' }], filterModel: {} }), hasCode('VALIDATION', 'sortModel.0.colId: there is no column "note"'));
  });

  it('lists the open alerts, or every one, of a source or of all, most severe first', () => {
    const db = temp.db;
    const runId = inTransaction(db, () => {
      const id = insertRun(db, { engine: 'credit', asOf: '2025-02-28', artefacts: { 'credit.model': 1 }, startedBy: 'ana', startedAt: 't', currency: 'CNY' });
      emitAlerts(db, {
        source: 'credit',
        runId: id,
        artefacts: { 'credit.model': 1 },
        raisedBy: null,
        at: '2025-03-01T00:00:00.000Z',
        alerts: ['L7', 'L8'].map((loanId) => ({ type: 'credit.dpd_crossing', subject: { type: 'loan', id: loanId }, severity: 'low', score: 0.3, explanation: { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: 31, threshold: 30 }] } })),
      });
      return id;
    });
    assert.ok(runId > 0);
    const ana = as('ana', 'analyst');
    const manual = raiseManualAlert(ana, { subject: { type: 'loan', id: 'L1' }, severity: 'high', note: 'n' });
    inTransaction(db, () => closeAlert(db, 1));
    const listed = (filter: Parameters<typeof listAlerts>[1]) => listAlerts(as('aud', 'auditor'), filter).map((a) => `${a.source}:${a.subject_id}:${a.status}`);
    assert.deepEqual(listed({ status: 'open' }), [`manual:L1:open`, 'credit:L8:open']);
    assert.deepEqual(listed({ status: 'all' }), [`manual:L1:open`, 'credit:L8:open', 'credit:L7:closed']);
    assert.deepEqual(listed({ status: 'all', source: 'credit' }), ['credit:L8:open', 'credit:L7:closed']);
    assert.deepEqual(listed({ status: 'open', source: 'fraud' }), []);
    assert.equal(manual.alertId, 3);
  });
});
