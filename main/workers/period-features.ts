import { FeatureStream, type FeatureVector } from '../engines/fraud/index.ts';
import type { Db } from '../store/database.ts';
import { countTransactions, dayAfter, fraudAccounts, transactionsInOrder, type StoredTransaction } from '../store/fraud-runs.ts';

/** Progress is reported every this many transactions read (once per transaction would cost more than the pass). */
const PROGRESS_EVERY = 20_000;

/** Transaction dates (UTC), both ends included; an open end is the first or last transaction. */
export interface FeaturePeriod {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * The feature pass of a run or a backtest: one streaming pass, in time order, over every transaction up to the end of
 * the period. Those before it are read for their history only (a transaction's windows, first uses and ring need
 * everything before it); those in it are yielded with their feature vectors.
 */
export class PeriodFeatures {
  /** Transactions in the period. */
  readonly total: number;
  private readonly reader: Db;
  private readonly fromTs: string | null;
  private readonly beforeTs: string | null;
  private readonly stream: FeatureStream;

  constructor(reader: Db, period: FeaturePeriod) {
    this.reader = reader;
    this.fromTs = period.from === undefined ? null : `${period.from}T00:00:00.000Z`;
    this.beforeTs = period.to === undefined ? null : dayAfter(period.to);
    this.total = countTransactions(reader, { fromTs: this.fromTs, beforeTs: this.beforeTs });
    this.stream = new FeatureStream(fraudAccounts(reader));
  }

  /** Each transaction of the period with its features; `progress` gets the count yielded so far now and then. */
  *inPeriod(progress: (done: number) => void): Generator<readonly [StoredTransaction, FeatureVector]> {
    const { fromTs } = this;
    let read = 0;
    let done = 0;
    progress(0);
    for (const tx of transactionsInOrder(this.reader, this.beforeTs)) {
      const vector = this.stream.next(tx);
      read += 1;
      if (read % PROGRESS_EVERY === 0) progress(done);
      if (fromTs !== null && tx.ts < fromTs) continue;
      done += 1;
      yield [tx, vector];
    }
    progress(done);
  }

  /** The ring of the account as of the transaction just yielded (FeatureStream.ringOf). */
  ringOf(accountId: string): string | null {
    return this.stream.ringOf(accountId);
  }
}
