import type { Migration } from './migration.ts';

/*
 * The fraud engine reads every transaction in time order (ts, then tx_id) in each run, backtest and streaming warm-up.
 * Through the ts index that is one table lookup per row in insertion order, which is not time order: on 1M demo
 * transactions the ordered read took 19 s, most of the pass. An index holding every column the pass reads makes it a
 * scan of the index's leaves in order, 2 s, at the cost of about the table's size again on disk. It begins with ts,
 * so it serves every time-range query the ts index served, and that one goes.
 *
 * Everything here is a literal on purpose: a migration is frozen history.
 */
export const migration: Migration = {
  version: 140,
  name: 'transactions_time_order',
  up(db) {
    db.exec(`
      CREATE INDEX transactions_time_order ON transactions (ts, tx_id, account_id, amount_minor, currency, channel, merchant_category, country, device_id, ip, card_id);
      DROP INDEX transactions_ts;
    `);
  },
};
