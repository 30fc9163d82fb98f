import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusClass } from '../engines/credit/portfolio/loan-status.ts';
import { createTempDatabase } from '../test-support/temp-database.ts';
import { LOAN_STATUSES } from '../../preload/contract/loan-vocabulary.ts';
import { CLOSED_STATUSES, defaultedLoanSql, defaultedSql, normalisedStatus, openStatusSql, PAID_OFF_STATUSES } from './loan-status-sql.ts';

/** Spellings an import may bring, the engine's and others. */
const STATUSES = ['default', 'Defaulted', ' DEFAULT ', 'written_off', 'Written Off', 'write-off', 'writeoff', 'charged-off', 'Charged Off', 'paid_off', 'Paid Off', 'paidoff', 'repaid', 'current', 'delinquent', 'closed', ''];

describe('loan states in SQL', () => {
  it('reads every status as the engine does (defaulted, closed, paid off)', () => {
    const temp = createTempDatabase('riskdesk-status-');
    try {
      for (const status of STATUSES) {
        const row = temp.db
          .prepare(
            `SELECT ${defaultedSql()} AS defaulted, ${normalisedStatus('status')} IN ${CLOSED_STATUSES} AS closed, ${normalisedStatus('status')} IN ${PAID_OFF_STATUSES} AS paidOff
             FROM (SELECT 0 AS dpd, ? AS status)`,
          )
          .get(status) as { defaulted: number; closed: number; paidOff: number };
        const kind = statusClass(status);
        assert.equal(row.defaulted === 1, kind === 'defaulted' || kind === 'written_off', `defaulted: ${JSON.stringify(status)}`);
        assert.equal(row.closed === 1, kind === 'paid_off' || kind === 'written_off', `closed: ${JSON.stringify(status)}`);
        assert.equal(row.paidOff === 1, kind === 'paid_off', `paid off: ${JSON.stringify(status)}`);
      }
      const late = temp.db.prepare(`SELECT ${defaultedSql('x')} AS d FROM (SELECT 90 AS dpd, 'current' AS status) x`).get() as { d: number };
      assert.equal(late.d, 1, '90 DPD is a default whatever the status');
    } finally {
      temp.dispose();
    }
  });

  it('reads an import code as it is and any other spelling normalised, with the same answers (open, defaulted)', () => {
    const temp = createTempDatabase('riskdesk-status-');
    try {
      const read = temp.db.prepare(`SELECT ${openStatusSql('status')} AS open, ${defaultedLoanSql()} AS defaulted, ${defaultedSql()} AS normalised FROM (SELECT 0 AS dpd, ? AS status)`);
      for (const status of [...STATUSES, ...LOAN_STATUSES, null]) {
        const row = read.get(status) as { open: number; defaulted: number; normalised: number };
        const kind = statusClass(status);
        assert.equal(row.open === 1, kind !== 'paid_off' && kind !== 'written_off', `open: ${JSON.stringify(status)}`);
        assert.equal(row.defaulted === 1, kind === 'defaulted' || kind === 'written_off', `defaulted: ${JSON.stringify(status)}`);
        assert.equal(row.defaulted === 1, row.normalised === 1, `as defaultedSql: ${JSON.stringify(status)}`);
      }
      const late = temp.db.prepare(`SELECT ${defaultedLoanSql()} AS d FROM (SELECT 90 AS dpd, 'current' AS status)`).get() as { d: number };
      assert.equal(late.d, 1, '90 DPD is a default whatever the status');
    } finally {
      temp.dispose();
    }
  });

  it('spells a defaulted month as the partial index loan_performance_defaulted does, so that SQLite uses it', () => {
    const temp = createTempDatabase('riskdesk-status-');
    try {
      const plan = temp.db.prepare(`EXPLAIN QUERY PLAN SELECT min(as_of) FROM loan_performance p WHERE p.loan_id = ? AND ${defaultedSql('p')}`).all('L1');
      assert.deepEqual(plan.map((row) => (row as { detail: string }).detail), ['SEARCH p USING COVERING INDEX loan_performance_defaulted (loan_id=?)']);
    } finally {
      temp.dispose();
    }
  });
});
