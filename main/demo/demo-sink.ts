import type { Db } from '../store/database.ts';
import { inTransaction } from '../store/database.ts';
import { type RowWriter, createRowWriter } from '../store/row-writers.ts';

/** The tables the demo fills, in an order that satisfies foreign keys (also the order to empty them in reverse). */
export const DEMO_KINDS = ['borrowers', 'loans', 'performance', 'accounts', 'transactions', 'labels', 'investor_balances', 'liquidity_lines', 'daily_flows'] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];
export type DemoCounts = Record<DemoKind, number>;
export type DemoRecord<K extends DemoKind> = Parameters<RowWriter<K>['write']>[0];

export interface DemoProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** Rows per committed transaction: large enough to amortise the commit's fsync, small enough to cancel promptly. */
const BATCH_ROWS = 10_000;

/** Writes records through the store's row writers and counts them per table. */
export class DemoSink {
  readonly counts: DemoCounts;
  private readonly writers: { [K in DemoKind]: RowWriter<K> };
  private written = 0;

  constructor(db: Db) {
    this.writers = {
      borrowers: createRowWriter(db, 'borrowers'),
      loans: createRowWriter(db, 'loans'),
      performance: createRowWriter(db, 'performance'),
      accounts: createRowWriter(db, 'accounts'),
      transactions: createRowWriter(db, 'transactions'),
      labels: createRowWriter(db, 'labels'),
      investor_balances: createRowWriter(db, 'investor_balances'),
      liquidity_lines: createRowWriter(db, 'liquidity_lines'),
      daily_flows: createRowWriter(db, 'daily_flows'),
    };
    this.counts = Object.fromEntries(DEMO_KINDS.map((kind) => [kind, 0])) as DemoCounts;
  }

  write<K extends DemoKind>(kind: K, record: DemoRecord<K>): void {
    this.writers[kind].write(record);
    this.counts[kind] += 1;
    this.written += 1;
  }

  get rowsWritten(): number {
    return this.written;
  }
}

/**
 * Produces entities 0…total−1 in committed batches of about BATCH_ROWS rows, yielding progress after each
 * commit. The caller decides what happens between batches (check for cancellation, yield to the event loop),
 * and only per-entity state lives across a batch, so memory stays flat whatever the scale.
 */
export function* writeInBatches(db: Db, sink: DemoSink, phase: string, total: number, produce: (index: number) => void): Generator<DemoProgress, void, void> {
  let next = 0;
  while (next < total) {
    const start = sink.rowsWritten;
    inTransaction(db, () => {
      do {
        produce(next);
        next += 1;
      } while (next < total && sink.rowsWritten - start < BATCH_ROWS);
    });
    yield { phase, done: next, total };
  }
}
