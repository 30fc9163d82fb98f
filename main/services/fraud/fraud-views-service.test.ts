import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { fraudAlertRowSchema, fraudRingSchema, fraudSummarySchema, fraudTransactionDetailSchema } from '../../../preload/contract/fraud-views.ts';
import { insertFraudRun, insertRuleSet, insertTransactions } from '../../test-support/fraud-run-rows.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import type { ServiceContext } from '../context.ts';
import { fraudAlertsPage, fraudRing, fraudSummary, fraudTransaction } from './fraud-views-service.ts';

function rejects(fn: () => unknown, code: string, mentions: RegExp): void {
  assert.throws(fn, (error: unknown) => error instanceof RiskDeskError && error.code === code && mentions.test(error.message));
}

describe('the fraud views service', () => {
  let temp: TempDatabase;
  let ruleSet: number;
  let ctx: ServiceContext;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-fraud-views-service-');
    insertTransactions(temp.db, [
      { txId: 'T1', accountId: 'A1', ts: '2024-12-31T10:00:00.000Z', device: 'D1', ip: '10.0.0.1' },
      { txId: 'T2', accountId: 'A2', ts: '2024-12-31T11:00:00.000Z', device: 'D1', ip: null },
    ]);
    ruleSet = insertRuleSet(temp.db);
    ctx = databaseContext(temp, { username: 'audrey', role: 'auditor' });
  });
  afterEach(() => temp.dispose());

  it("answers in the contract's shapes, the fired rules' ids as a list", () => {
    insertFraudRun(temp.db, { ruleSet, asOf: '2024-12-31', flags: [{ txId: 'T1', score: 90, action: 'block', ringId: 'A1', ringSize: 2, fired: [{ id: 'velocity_burst', score: 40, action: 'review', reads: { 'account.count_10m': 6 } }, { id: 'new_device_large', score: 50, action: 'block', reads: {} }] }] });
    const page = fraudAlertsPage(ctx, { startRow: 0, endRow: 10, sortModel: [{ colId: 'score', sort: 'desc' }], filterModel: {} });
    assert.equal(page.rowCount, 1);
    assert.deepEqual(page.rows[0]?.rules, ['velocity_burst', 'new_device_large']);
    fraudAlertRowSchema.parse(page.rows[0]);
    fraudTransactionDetailSchema.parse(fraudTransaction(ctx, { txId: 'T1' }));
    fraudRingSchema.parse(fraudRing(ctx, { accountId: 'A2' }));
    const summary = fraudSummarySchema.parse(fraudSummary(ctx));
    assert.deepEqual(summary.days, [{ day: '2024-12-31', currency: 'CNY', review: 0, block: 1, amountMinor: 10_000 }]);
  });

  it('says there is no run yet with an empty summary and grid', () => {
    assert.deepEqual(fraudSummary(ctx), { run: null, days: [] });
    assert.equal(fraudAlertsPage(ctx, { startRow: 0, endRow: 10, sortModel: [], filterModel: {} }).rowCount, 0);
  });

  it('names the argument that is wrong or not there, and the column a grid query cannot use', () => {
    rejects(() => fraudTransaction(ctx, { txId: 'T404' }), 'NOT_FOUND', /transaction T404.*txId/);
    rejects(() => fraudRing(ctx, { accountId: 'A404' }), 'NOT_FOUND', /account A404.*accountId/);
    rejects(() => fraudTransaction(ctx, { txId: '' }), 'VALIDATION', /txId/);
    rejects(() => fraudRing(ctx, { account: 'A1' }), 'VALIDATION', /accountId|account/);
    rejects(() => fraudAlertsPage(ctx, { startRow: 0, endRow: 10, sortModel: [{ colId: 'fired', sort: 'asc' }], filterModel: {} }), 'VALIDATION', /fired/);
    rejects(() => fraudAlertsPage(ctx, { startRow: 0, endRow: 10, sortModel: [], filterModel: { score: { filterType: 'text', type: 'contains', filter: '9' } } }), 'VALIDATION', /score/);
  });
});
