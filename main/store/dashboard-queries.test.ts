// Each dashboard figure's definition, worked out by hand on a few loans: open loans only (a paid-off loan and a
// zero-balance written-off one are not in any figure), counts in every currency and money in the base one, the
// past-due shares by balance, and the trend's last month measured as the tiles are.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { dashboardSummary } from './dashboard-queries.ts';

/** [loan, borrower, product, currency, status, balance, principal, dpd, undrawn] as the loans table holds them now (June 2026). */
const LOANS = [
  // Closed: in no figure, whatever their balance or DPD.
  ['PAID', 'B1', 'cash', 'CNY', 'paid_off', 0, 100_000, 0, null],
  ['PAID_LATE_LABEL', 'B1', 'cash', 'CNY', 'Paid Off', 5_000, 100_000, 0, null],
  ['WRITTEN_OFF', 'B2', 'card', 'CNY', 'written_off', 0, 40_000, 120, null],
  // Open.
  ['DPD45', 'B2', 'cash', 'CNY', 'delinquent', 100_000, 150_000, 45, null],
  ['CURRENT', 'B3', 'auto', 'CNY', 'current', 300_000, 400_000, 0, null],
  ['NO_BALANCE', 'B3', 'cash', 'CNY', 'current', null, 50_000, null, null],
  ['CARD_CLEARED', 'B4', 'card', 'CNY', 'current', 0, 20_000, 0, 20_000],
  ['IN_DEFAULT', 'B4', 'card', 'CNY', 'Default', 30_000, 30_000, 10, null],
  ['DOLLARS', 'B5', 'auto', 'USD', 'delinquent', 200_000, 200_000, 100, null],
] as const;

/** [loan, month, balance, dpd, status]: May, and June as the loans table has it. */
const PERFORMANCE = [
  ['PAID', '2026-05', 10_000, 0, 'current'],
  ['PAID', '2026-06', 0, 0, 'paid_off'],
  ['WRITTEN_OFF', '2026-05', 40_000, 95, 'default'],
  ['WRITTEN_OFF', '2026-06', 0, 120, 'written_off'],
  ['DPD45', '2026-05', 100_000, 15, 'delinquent'],
  ['DPD45', '2026-06', 100_000, 45, 'delinquent'],
  ['CURRENT', '2026-05', 320_000, 0, 'current'],
  ['CURRENT', '2026-06', 300_000, 0, 'current'],
  ['NO_BALANCE', '2026-06', 50_000, 0, 'current'],
  ['CARD_CLEARED', '2026-05', 8_000, 35, 'delinquent'],
  ['CARD_CLEARED', '2026-06', 0, 0, 'current'],
  ['IN_DEFAULT', '2026-06', 30_000, 10, 'Default'],
  ['DOLLARS', '2026-05', 200_000, 70, 'delinquent'],
  ['DOLLARS', '2026-06', 200_000, 100, 'delinquent'],
] as const;

describe('the dashboard over open loans', () => {
  let temp: TempDatabase;

  before(() => {
    temp = createTempDatabase('riskdesk-dashboard-');
    const borrower = temp.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES (?, ?, 10000000)`);
    for (const [id, region] of [['B1', 'north'], ['B2', 'south'], ['B3', 'east'], ['B4', 'west'], ['B5', 'east']]) borrower.run(id, region);
    const loan = temp.db.prepare(
      `INSERT INTO loans (loan_id, borrower_id, product, currency, status, outstanding_balance_minor, principal_minor, dpd, undrawn_amount_minor, origination_date, interest_rate, term_months)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-15', 0.1, 24)`,
    );
    for (const row of LOANS) loan.run(...row);
    const month = temp.db.prepare('INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, status) VALUES (?, ?, ?, ?, ?)');
    for (const row of PERFORMANCE) month.run(...row);
  });
  after(() => temp.dispose());

  it('counts and sums the open loans only, each figure by its stated measure', () => {
    const d = dashboardSummary(temp.db);
    // Open: DPD45, CURRENT, NO_BALANCE (its principal stands in), CARD_CLEARED (nothing drawn, 20,000 undrawn),
    // IN_DEFAULT and DOLLARS (counted, no CNY). Their borrowers: B2, B3, B4, B5.
    assert.equal(d.loans, 6);
    assert.equal(d.borrowers, 4);
    assert.equal(d.outstandingMinor, 100_000 + 300_000 + 50_000 + 0 + 30_000);
    // In default: IN_DEFAULT (its status) and DOLLARS (100 DPD), by count of the open loans; the written-off loan is closed.
    assert.equal(d.defaults, 2);
    assert.equal(d.defaultRate, 2 / 6);
    // By CNY balance: 30+ is DPD45's 100,000 of 480,000; the only 90+ loan is in dollars.
    assert.equal(d.dpd30Share, 100_000 / 480_000);
    assert.equal(d.dpd90Share, 0);
    assert.deepEqual(d.delinquency, [
      { bucket: 'current', loans: 3, outstandingMinor: 350_000 },
      { bucket: '1-29', loans: 1, outstandingMinor: 30_000 },
      { bucket: '30-59', loans: 1, outstandingMinor: 100_000 },
      { bucket: '60-89', loans: 0, outstandingMinor: 0 },
      { bucket: '90+', loans: 1, outstandingMinor: 0 },
    ]);
    assert.equal(
      d.delinquency.reduce((sum, b) => sum + b.loans, 0),
      d.loans,
      'the buckets hold every open loan once',
    );
    assert.deepEqual(d.byProduct, [
      { key: 'auto', loans: 2, outstandingMinor: 300_000 },
      { key: 'cash', loans: 2, outstandingMinor: 150_000 },
      { key: 'card', loans: 2, outstandingMinor: 30_000 },
    ]);
    assert.deepEqual(d.byRegion, [
      { key: 'east', loans: 3, outstandingMinor: 350_000 },
      { key: 'south', loans: 1, outstandingMinor: 100_000 },
      { key: 'west', loans: 2, outstandingMinor: 30_000 },
    ]);
    assert.deepEqual(d.largestExposures.map((e) => [e.borrowerId, e.loans, e.outstandingMinor]), [
      ['B3', 2, 350_000],
      ['B2', 1, 100_000],
      ['B4', 2, 30_000],
      ['B5', 1, 0],
    ]);
  });

  it('measures each month of the trend as the tiles measure now, so its last month is the tiles', () => {
    const d = dashboardSummary(temp.db);
    assert.equal(d.asOf, '2026-06');
    // May: open PAID (10,000), WRITTEN_OFF (40,000 at 95 DPD, not yet written off), DPD45 (100,000 at 15),
    // CURRENT (320,000), CARD_CLEARED (8,000 at 35) and DOLLARS (counted, no CNY) = 478,000.
    assert.deepEqual(d.trend[0], { month: '2026-05', loans: 6, outstandingMinor: 478_000, dpd30Share: 48_000 / 478_000, dpd90Share: 40_000 / 478_000 });
    // June: CARD_CLEARED has nothing drawn but is open (its line's undrawn 20,000); PAID and WRITTEN_OFF are closed.
    assert.deepEqual(d.trend[1], { month: '2026-06', loans: d.loans, outstandingMinor: d.outstandingMinor, dpd30Share: d.dpd30Share, dpd90Share: d.dpd90Share });
    assert.equal(d.trend.length, 2);
  });

});
