// 0140 replaces the ts index of transactions with one that covers what the fraud pass reads, in the pass's order:
// tested on a real encrypted file at schema 130 holding rows in every table that had sample rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { indexesOf, queryPlan } from '../../test-support/schema-description.ts';

describe('migration 140 (transactions in time order)', () => {
  it('keeps every row; the pass reads transactions in ts, tx_id order from the index alone, and a time range uses it', () => {
    const { db, before } = migratedWithSampleRows(140);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([, rows]) => rows.length > 0)));
    assert.deepEqual(indexesOf(db, 'transactions'), {
      transactions_account_ts: 'account_id, ts',
      transactions_device_ts: 'device_id, ts',
      transactions_ip_ts: 'ip, ts',
      transactions_time_order: 'ts, tx_id, account_id, amount_minor, currency, channel, merchant_category, country, device_id, ip, card_id',
    });
    // The pass's query (store/fraud-runs.ts transactionsInOrder), its period bound unset.
    const pass = queryPlan(
      db,
      `SELECT tx_id, account_id, ts, amount_minor, currency, channel, merchant_category, country, device_id, ip, card_id
       FROM transactions WHERE (NULL IS NULL OR ts < NULL) ORDER BY ts, tx_id`,
    ).join('\n');
    assert.match(pass, /SCAN transactions USING COVERING INDEX transactions_time_order/);
    assert.doesNotMatch(pass, /TEMP B-TREE/);
    const range = queryPlan(db, `SELECT count(*) FROM transactions WHERE ts >= '2024-01-01' AND ts < '2024-02-01'`).join('\n');
    assert.match(range, /USING COVERING INDEX transactions_time_order \(ts>\? AND ts<\?\)/);
  });
});
