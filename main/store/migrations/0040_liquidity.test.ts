// 0040 adds the liquidity data (balance-sheet lines, investor balances, daily flows) to a workspace already in use:
// tested on a real encrypted file at schema 30 with credit and fraud data in it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf } from '../../test-support/schema-description.ts';

describe('migration 40 (liquidity)', () => {
  it('keeps every row of schema 30', () => {
    const { db, before } = migratedWithSampleRows(40);
    assertRowsKept(db, before);
  });

  it('makes the liquidity lines, investor balances and daily flows with their keys and required columns', () => {
    const { db } = migratedWithSampleRows(40);
    assert.deepEqual(describeTable(db, 'liquidity_lines'), {
      columns: ['line_id', 'category', 'amount_minor', 'as_of', 'currency', 'maturity_date', 'counterparty', 'description'],
      notNull: ['line_id', 'category', 'amount_minor', 'currency'],
      primaryKey: ['line_id'],
      references: [],
    });
    assert.deepEqual(describeTable(db, 'investor_balances'), {
      columns: ['investor_id', 'product', 'balance_minor', 'currency', 'as_of'],
      notNull: ['investor_id', 'product', 'balance_minor', 'currency', 'as_of'],
      primaryKey: ['investor_id', 'product'],
      references: [],
    });
    assert.deepEqual(describeTable(db, 'daily_flows'), {
      columns: ['date', 'product', 'inflow_minor', 'outflow_minor'],
      notNull: ['date', 'product', 'inflow_minor', 'outflow_minor'],
      primaryKey: ['date', 'product'],
      references: [],
    });
    assert.deepEqual(indexesOf(db, 'liquidity_lines'), { liquidity_lines_category: 'category' });
  });

  it('holds one balance per investor and product, and one flow per day and product', () => {
    const { db } = migratedWithSampleRows(40);
    const balance = db.prepare(`INSERT INTO investor_balances (investor_id, product, balance_minor, currency, as_of) VALUES ('I1', ?, 1, 'CNY', '2024-03-31')`);
    balance.run('mmf');
    balance.run('bond');
    assert.throws(() => balance.run('mmf'), /UNIQUE constraint failed/);
    const flow = db.prepare(`INSERT INTO daily_flows (date, product, inflow_minor, outflow_minor) VALUES ('2024-03-31', ?, 1, 2)`);
    flow.run('mmf');
    flow.run('bond');
    assert.throws(() => flow.run('mmf'), /UNIQUE constraint failed/);
    assert.throws(() => db.prepare(`INSERT INTO liquidity_lines (line_id, category, amount_minor) VALUES ('X1', 'hqla_l1_cash', 1)`).run(), /NOT NULL constraint failed: liquidity_lines.currency/);
  });
});
