import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AlertRow, AlertSeverity } from '../../preload/contract/alerts.ts';
import type { GridQuery } from '../../preload/contract/grid.ts';
import { closeAlert } from '../test-support/closed-alerts.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { ALERT_GRID, emitAlerts, getAlert, type AlertEmission, type EmittedAlert } from './alerts.ts';
import { inTransaction, type Db } from './database.ts';
import { countRows, isIndexOrdered, pageRows } from './grid-sql.ts';
import { insertRun } from './runs.ts';

const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-02T10:00:00.000Z';
const ARTEFACTS = { 'credit.model': 3, 'credit.parameterSet': 2 } as const;

/** A credit run's row, still running, as the run's transaction holds it when it emits. */
function runningRun(db: Db, asOf: string): number {
  return inTransaction(db, () => insertRun(db, { engine: 'credit', asOf, artefacts: ARTEFACTS, startedBy: 'ana', startedAt: `${asOf}T01:00:00.000Z`, currency: 'CNY' }));
}

function stageMigration(loanId: string, stage: number, dpd: number, severity: AlertSeverity = 'high'): EmittedAlert {
  return {
    type: 'credit.stage_migration',
    subject: { type: 'loan', id: loanId },
    severity,
    score: dpd / 100,
    explanation: { key: 'credit.stage_migration', figures: [{ name: 'stage', value: stage, previous: 1 }, { name: 'dpd', value: dpd, threshold: 90, unit: 'days' }] },
  };
}

function creditEmission(runId: number, at: string, alerts: EmittedAlert[]): AlertEmission {
  return { source: 'credit', runId, artefacts: ARTEFACTS, raisedBy: null, at, alerts };
}

function emit(db: Db, emission: AlertEmission) {
  return inTransaction(db, () => emitAlerts(db, emission));
}

const count = (db: Db): number => db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;

describe('emitting alerts', () => {
  let temp: TempDatabase;
  let run1: number;
  let run2: number;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-alerts-');
    run1 = runningRun(temp.db, '2024-11-30');
    run2 = runningRun(temp.db, '2024-12-31');
  });
  afterEach(() => temp.dispose());

  it('opens new alerts, and on a second emission updates the open ones with the latest figures instead of duplicating them', () => {
    const { db } = temp;
    const first = emit(db, creditEmission(run1, '2024-12-01T02:00:00.000Z', [stageMigration('L1', 2, 35, 'medium'), stageMigration('L2', 3, 95)]));
    assert.deepEqual([first.raised, first.repeated], [2, 0]);
    const second = emit(db, creditEmission(run2, '2025-01-01T02:00:00.000Z', [stageMigration('L1', 3, 92, 'critical'), stageMigration('L2', 3, 120)]));
    assert.deepEqual([second.raised, second.repeated], [0, 2]);
    assert.deepEqual(second.alertIds, first.alertIds);
    assert.equal(count(db), 2);
    const l1 = getAlert(db, first.alertIds[0] ?? 0);
    assert.deepEqual(l1, {
      alertId: first.alertIds[0],
      source: 'credit',
      type: 'credit.stage_migration',
      subject: { type: 'loan', id: 'L1' },
      severity: 'critical',
      score: 0.92,
      explanation: { key: 'credit.stage_migration', figures: [{ name: 'stage', value: 3, previous: 1 }, { name: 'dpd', value: 92, threshold: 90, unit: 'days' }] },
      // First raised by run 1, last seen by run 2: the figures are run 2's.
      runId: run1,
      lastRunId: run2,
      artefacts: ARTEFACTS,
      raisedBy: null,
      status: 'open',
      occurrences: 2,
      createdAt: '2024-12-01T02:00:00.000Z',
      lastSeenAt: '2025-01-01T02:00:00.000Z',
    });
    assert.equal(getAlert(db, first.alertIds[1] ?? 0)?.score, 1.2);
  });

  it('counts the same type and subject twice in one emission as one alert seen twice; another type on the subject is another alert', () => {
    const { db } = temp;
    const dpd: EmittedAlert = { ...stageMigration('L1', 3, 95), type: 'credit.dpd_crossing', explanation: { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: 95, threshold: 90 }] } };
    const counts = emit(db, creditEmission(run1, T1, [stageMigration('L1', 2, 40), stageMigration('L1', 3, 95), dpd]));
    assert.deepEqual([counts.raised, counts.repeated], [2, 1]);
    assert.equal(counts.alertIds[0], counts.alertIds[1]);
    assert.notEqual(counts.alertIds[2], counts.alertIds[0]);
    assert.equal(getAlert(db, counts.alertIds[0] ?? 0)?.occurrences, 2);
  });

  it('opens a new alert once the open one is closed, and leaves the closed one as it was', () => {
    const { db } = temp;
    const [closedId = 0] = emit(db, creditEmission(run1, T1, [stageMigration('L1', 3, 95)])).alertIds;
    inTransaction(db, () => closeAlert(db, closedId));
    const before = getAlert(db, closedId);
    const again = emit(db, creditEmission(run2, T2, [stageMigration('L1', 3, 125)]));
    assert.deepEqual([again.raised, again.repeated], [1, 0]);
    assert.notEqual(again.alertIds[0], closedId);
    assert.deepEqual(getAlert(db, closedId), before);
    assert.deepEqual(
      db.prepare('SELECT status, occurrences, run_id FROM alerts ORDER BY alert_id').all(),
      [
        { status: 'closed', occurrences: 1, run_id: run1 },
        { status: 'open', occurrences: 1, run_id: run2 },
      ],
    );
  });

  it('leaves nothing when the transaction it was emitted in rolls back, neither new alerts nor counted repeats', () => {
    const { db } = temp;
    const [openId = 0] = emit(db, creditEmission(run1, T1, [stageMigration('L1', 2, 40)])).alertIds;
    const before = getAlert(db, openId);
    assert.throws(
      () =>
        inTransaction(db, () => {
          const counts = emitAlerts(db, creditEmission(run2, T2, [stageMigration('L1', 3, 95), stageMigration('L2', 3, 95)]));
          assert.deepEqual([counts.raised, counts.repeated], [1, 1]);
          throw new Error('the run failed after emitting');
        }),
      /the run failed after emitting/,
    );
    assert.equal(count(db), 1);
    assert.deepEqual(getAlert(db, openId), before);
  });

  it('is refused outside a transaction', () => {
    assert.throws(() => emitAlerts(temp.db, creditEmission(run1, T1, [stageMigration('L1', 2, 40)])), /inside the transaction/);
    assert.equal(count(temp.db), 0);
  });

  it('refuses, through the schema, a type outside its source, values outside the vocabularies and a run that is not there; the emission rolls back whole', () => {
    const { db } = temp;
    const good = stageMigration('L1', 2, 40);
    const refused: [string, AlertEmission, RegExp][] = [
      ['a fraud type from credit', creditEmission(run1, 't', [good, { ...good, type: 'fraud.ring' }]), /CHECK constraint failed/],
      ['an unknown severity', creditEmission(run1, 't', [good, { ...good, subject: { type: 'loan', id: 'L2' }, severity: 'urgent' as AlertSeverity }]), /CHECK constraint failed/],
      ['an unknown subject type', creditEmission(run1, 't', [good, { ...good, subject: { type: 'planet' as 'loan', id: 'P1' } }]), /CHECK constraint failed/],
      ['an unknown source', { ...creditEmission(run1, 't', [good]), source: 'rumour' as 'credit' }, /CHECK constraint failed/],
      ['a manual alert with a run', { ...creditEmission(run1, 't', [{ ...good, type: 'manual.review' }]), source: 'manual', raisedBy: 'ana' }, /CHECK constraint failed/],
      ['a run that is not there', creditEmission(99, 't', [good]), /FOREIGN KEY constraint failed/],
      ['a score that is not a number', creditEmission(run1, 't', [{ ...good, score: Number.NaN }]), /NOT NULL constraint failed: alerts.score/],
    ];
    for (const [what, emission, error] of refused) {
      assert.throws(() => emit(db, emission), error, what);
      assert.equal(count(db), 0, what);
    }
  });
});

describe('the alerts grid', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-alerts-grid-');
    const { db } = temp;
    const runId = runningRun(db, '2024-12-31');
    // Inserted in an order that is neither alphabetical nor by rank, so that a wrong sort shows.
    const severities: AlertSeverity[] = ['medium', 'critical', 'low', 'high', 'low', 'critical'];
    emit(db, creditEmission(runId, '2025-01-01T02:00:00.000Z', severities.map((severity, i) => stageMigration(`L${i + 1}`, 3, 90 + i, severity))));
    emit(db, { source: 'manual', runId: null, artefacts: {}, raisedBy: 'ana', at: '2025-01-02T09:00:00.000Z', alerts: [{ ...stageMigration('B1', 0, 0, 'high'), type: 'manual.review', subject: { type: 'borrower', id: 'B1' } }] });
    emit(db, creditEmission(runId, '2025-01-03T02:00:00.000Z', [stageMigration('L2', 3, 99, 'critical')]));
  });
  afterEach(() => temp.dispose());

  const query = (overrides: Partial<GridQuery>): GridQuery => ({ startRow: 0, endRow: 100, sortModel: [], filterModel: {}, ...overrides });
  const ids = (rows: AlertRow[]): string[] => rows.map((r) => r.subject_id);

  it('sorts severity by rank (critical first), not alphabetically, ties by id', () => {
    const rows = pageRows<AlertRow>(temp.db, ALERT_GRID, query({ sortModel: [{ colId: 'severity', sort: 'desc' }] }));
    assert.deepEqual(
      rows.map((r) => r.severity),
      ['critical', 'critical', 'high', 'high', 'medium', 'low', 'low'],
    );
    assert.deepEqual(ids(rows), ['L6', 'L2', 'B1', 'L4', 'L1', 'L5', 'L3']);
    assert.deepEqual(ids(pageRows<AlertRow>(temp.db, ALERT_GRID, query({ sortModel: [{ colId: 'severity', sort: 'asc' }], endRow: 2 }))), ['L3', 'L5']);
  });

  it('filters by source, type, subject, severity and occurrences in SQL, and counts the filtered view', () => {
    const { db } = temp;
    const filtered = (filterModel: GridQuery['filterModel']): string[] => ids(pageRows<AlertRow>(db, ALERT_GRID, query({ filterModel })));
    assert.deepEqual(filtered({ source: { filterType: 'set', values: ['manual'] } }), ['B1']);
    assert.deepEqual(filtered({ type: { filterType: 'text', type: 'equals', filter: 'credit.stage_migration' }, severity: { filterType: 'set', values: ['critical', 'high'] } }), ['L2', 'L4', 'L6']);
    assert.deepEqual(filtered({ occurrences: { filterType: 'number', type: 'greaterThan', filter: 1 } }), ['L2']);
    assert.deepEqual(filtered({ subject_type: { filterType: 'text', type: 'equals', filter: 'borrower' } }), ['B1']);
    assert.deepEqual(filtered({ last_seen_at: { filterType: 'date', type: 'equals', dateFrom: '2025-01-03 00:00:00' } }), ['L2']);
    assert.equal(countRows(db, ALERT_GRID, { status: { filterType: 'set', values: ['open'] }, source: { filterType: 'set', values: ['credit'] } }), 6);
  });

  it('reads the open queue by severity and age straight from its index, with no sort of the whole view', () => {
    const { db } = temp;
    const open = { status: { filterType: 'text', type: 'equals', filter: 'open' } } as const;
    assert.equal(isIndexOrdered(db, ALERT_GRID, open, [{ colId: 'severity', sort: 'desc' }, { colId: 'created_at', sort: 'desc' }]), true);
    assert.equal(isIndexOrdered(db, ALERT_GRID, open, [{ colId: 'score', sort: 'desc' }]), false);
  });
});
