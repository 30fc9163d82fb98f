import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FOUR_EYES_PRIORITIES } from '../../preload/contract/case-workflow.ts';
import { insertReportPeriodData, LAST_SECOND, REPORT_PERIOD } from '../test-support/report-period-data.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { approvalsIn, caseFigures, fraudFigures, latestOriginationBy, liquidityFigures, portfolioFigures, stageMigration } from './report-queries.ts';

const period = { ...REPORT_PERIOD };

describe('a report period read from the workspace', () => {
  let temp: TempDatabase;
  const count = (sql: string): number => temp.db.prepare(sql).pluck().get() as number;

  before(() => {
    temp = createTempDatabase('riskdesk-report-queries-');
    insertReportPeriodData(temp);
  });
  after(() => temp.dispose());

  it('counts the open loans as of the period end from their latest performance month on or before it', () => {
    // Open on 30 November: L1 (November: 70,000 at 35 DPD, although paid off in December), L2 (150,000 at 120 DPD),
    // L4 (originated on the last day, no performance: its own 40,000), L8 (5,000) and L6 (USD: counted, no money).
    // Not: L3 (paid off in September), L7 (balance 0), L5 (originated 1 December).
    // Outstanding 70,000 + 150,000 + 40,000 + 5,000 = 265,000; 30+ DPD 70,000 + 150,000 = 220,000; 90+ 150,000.
    assert.deepEqual(portfolioFigures(temp.db, period), {
      asOf: '2026-11-30',
      currency: 'CNY',
      openLoans: 5,
      borrowers: 3,
      outstandingMinor: 265_000,
      dpd30PlusShare: 220_000 / 265_000,
      dpd90PlusShare: 150_000 / 265_000,
      // L6 (5 November, USD) and L4 (30 November); only L4's 40,000 is in the base currency.
      originatedInPeriod: 2,
      originatedInPeriodMinor: 40_000,
    });
    assert.equal(count(`SELECT count(*) FROM loans WHERE origination_date LIKE '2026-11-%'`), 2);
    assert.equal(count(`SELECT sum(principal_minor) FROM loans WHERE origination_date LIKE '2026-11-%' AND currency = 'CNY'`), 40_000);
  });

  it('migrates stages from the run before the latest one by the period end, loan by loan', () => {
    // October's run (1): L1 stage 1, L2 stage 2, L7 stage 1; November's (2): L1 2, L2 3, L4 1. Both scored L1 and L2.
    const migration = stageMigration(temp.db, { runId: 2, asOf: '2026-11-30' });
    assert.equal(migration?.fromRunId, 1);
    assert.equal(migration?.fromAsOf, '2026-10-31');
    assert.deepEqual(
      migration?.counts.filter((c) => c.loans > 0),
      [
        { from: '1', to: '2', loans: 1 },
        { from: '2', to: '3', loans: 1 },
      ],
    );
    assert.equal(migration?.counts.length, 9);
    assert.equal(stageMigration(temp.db, { runId: 1, asOf: '2026-10-31' }), null, 'the first run has none before it');
    const joined = count(`SELECT count(*) FROM credit_run_loans c JOIN credit_run_loans p ON p.loan_id = c.loan_id AND p.run_id = 1 WHERE c.run_id = 2`);
    assert.equal(migration?.counts.reduce((sum, c) => sum + c.loans, 0), joined);
  });

  it('finds the latest origination on or before a date', () => {
    assert.equal(latestOriginationBy(temp.db, '2026-11-30'), '2026-11-30');
    assert.equal(latestOriginationBy(temp.db, '2026-11-29'), '2026-11-05');
    assert.equal(latestOriginationBy(temp.db, '2023-12-31'), null);
  });

  it('sums the fraud runs finished in the period, its alerts, dispositions and the rule set in force at its end', () => {
    assert.deepEqual(fraudFigures(temp.db, period), {
      currency: 'CNY',
      // The runs finished at 1 November 00:00:00.000 and 30 November 23:59:59: 100 + 200 scored, 5 + 7 flagged, 12,345 + 1,000.
      runs: 2,
      transactionsScored: 300,
      flagged: 12,
      flaggedMinor: 13_345,
      // Fraud alerts of 15 November and the last second; not midnight after, nor the last second of October, nor credit's.
      alertsRaised: 2,
      // Fraud cases closed in the period: 1 (confirmed) and 2 (false positive); 7 was merged, 6 closed at midnight after.
      dispositions: [
        { disposition: 'confirmed_fraud', cases: 1 },
        { disposition: 'false_positive', cases: 1 },
      ],
      // Version 2 was activated in the last second, version 3 at midnight after.
      ruleSet: { version: 2, activatedAt: LAST_SECOND, approvedBy: 'cleo', rules: 2 },
    });
    assert.equal(count(`SELECT count(*) FROM alerts WHERE source = 'fraud' AND substr(created_at, 1, 7) = '2026-11'`), 2);
  });

  it('reads the latest liquidity run as of the period end', () => {
    const liquidity = liquidityFigures(temp.db, period);
    // Runs 1–3 are credit's, 4–7 fraud's, 8–10 liquidity's for October, November and December.
    assert.deepEqual(liquidity?.run, { runId: 9, asOf: '2026-11-30', parameterVersion: 1, currency: 'CNY' });
    assert.equal(liquidity?.lcr, 1.25);
    assert.deepEqual(liquidity?.survival, [{ scenario: 'idiosyncratic', survivalDay: 12 }, { scenario: 'market', survivalDay: null }]);
    assert.equal(liquidityFigures(temp.db, { ...period, from: '2026-10-01', to: '2026-10-30' }), null, 'no run as of October 30 or before');
  });

  it('counts cases opened, closed, open at the end and breached, with the edges of the period', () => {
    // Opened: 2 (1 November 00:00), 3 (last second), 7; not 4 (midnight after). Closed: 1, 2 (last second), 7; not 6
    // (midnight after). Open at the end: 3, 5, and 6 (closed only after). Breached: 2 (medium, due 10 November, closed
    // on the 30th) and 5 (high, due 20 November, still open); 1 and 7 were closed before they were due.
    assert.deepEqual(caseFigures(temp.db, period), {
      opened: 3,
      closed: 3,
      openAtEnd: 3,
      slaBreaches: [
        { severity: 'low', breaches: 0 },
        { severity: 'medium', breaches: 1 },
        { severity: 'high', breaches: 1 },
        { severity: 'critical', breaches: 0 },
      ],
    });
    assert.equal(count(`SELECT count(*) FROM cases WHERE created_at < '2026-12-01' AND coalesce(closed_at, '9999') >= '2026-12-01'`), 3);
  });

  it('lists the four-eyes steps of the period in chain order', () => {
    // The parameter set's approval in the last second (its draft and submission were in October, its activation at
    // midnight after) and the high case's closure; the medium closure needed no second person.
    assert.deepEqual(approvalsIn(temp.db, period, FOUR_EYES_PRIORITIES), [
      { at: LAST_SECOND, action: 'credit.parameters.approve', subject: 'credit parameters v1', by: 'cole' },
      { at: '2026-11-01T12:00:00.000Z', action: 'case.transition', subject: 'case 1', by: 'cole' },
    ]);
  });
});

describe('a report period of an empty workspace', () => {
  it('has no section at all', () => {
    const temp = createTempDatabase('riskdesk-report-queries-empty-');
    try {
      assert.equal(portfolioFigures(temp.db, period), null);
      assert.equal(fraudFigures(temp.db, period), null, 'a shipped rule set is no fraud activity');
      assert.equal(liquidityFigures(temp.db, period), null);
      assert.equal(caseFigures(temp.db, period), null);
      assert.deepEqual(approvalsIn(temp.db, period, FOUR_EYES_PRIORITIES), []);
    } finally {
      temp.dispose();
    }
  });
});
