import type { Db } from '../store/database.ts';
import { inTransaction } from '../store/database.ts';
import { suspendSecondaryIndexes } from '../store/suspended-indexes.ts';
import { insertBaseCurrencyIfMissing } from '../store/workspace-meta.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { DEFAULT_BASE_CURRENCY, type DemoScale } from '../../preload/contract/vocabulary.ts';
import { dayNumber, parseDay } from '../engines/calendar.ts';
import { walletLayout } from './account-profile.ts';
import { CreditPortfolioWriter } from './credit-portfolio.ts';
import { FLOW_DAYS, dailyFlowsFor } from './daily-flows.ts';
import { DEMO_KINDS, type DemoCounts, type DemoProgress, DemoSink, writeInBatches } from './demo-sink.ts';
import { rebuildSuspendedIndexes } from './demo-workspace.ts';
import { InvestorFundingWriter } from './investor-funding.ts';
import { liquidityLines } from './liquidity-lines.ts';
import { SCALE_SIZES, type ScaleSizes, requireDemoScale, requireDemoSeed } from './scales.ts';
import { WalletActivityWriter } from './wallet-activity.ts';

/**
 * The seeded synthetic portfolio: borrowers, loans and their monthly history; wallet accounts, transactions
 * with injected fraud and their labels; investor balances, daily flows and LCR lines. Same seed, scale and
 * as-of date give byte-identical tables. Time is the `asOf` argument only; nothing here reads a clock.
 *
 * Rows are committed in batches as they are generated, with the tables' secondary indexes suspended and rebuilt
 * at the end (store/suspended-indexes.ts explains why). On cancellation or failure the committed batches stay and
 * the indexes stay suspended (recorded in `meta`): `runDemo` (services/demo-service.ts) undoes both, deleting the
 * rows before it puts the indexes back, which is far cheaper at scale than rebuilding them here first. See
 * wallet-activity.ts for the meaning of the labels.
 */
export interface DemoOptions {
  readonly scale: DemoScale;
  readonly seed: number;
  /** YYYY-MM-DD: the last day of history. */
  readonly asOf: string;
  readonly onProgress?: (progress: DemoProgress) => void;
  readonly signal?: AbortSignal;
}

export interface DemoSummary {
  readonly scale: DemoScale;
  readonly seed: number;
  readonly asOf: string;
  readonly counts: DemoCounts;
}

export type { DemoCounts, DemoProgress };

interface DemoRun {
  readonly steps: Generator<DemoProgress, void, void>;
  summary(): DemoSummary;
}

/** The as-of date as a day number (engines/calendar.ts). */
function parseAsOf(text: string): number {
  try {
    return dayNumber(parseDay(text));
  } catch {
    throw new RiskDeskError('INVALID_ARGUMENT', `asOf must be a date written YYYY-MM-DD; got ${JSON.stringify(text)}.`);
  }
}

/** Validates the options (before anything is written) and sets up the run's steps. */
function startDemo(db: Db, options: DemoOptions): DemoRun {
  const scale = requireDemoScale(options.scale);
  const seed = requireDemoSeed(options.seed);
  const asOfDay = parseAsOf(options.asOf);
  const sink = new DemoSink(db);
  return {
    steps: demoSteps(db, sink, seed, asOfDay, SCALE_SIZES[scale]),
    summary: () => ({ scale, seed, asOf: options.asOf, counts: { ...sink.counts } }),
  };
}

function* demoSteps(db: Db, sink: DemoSink, seed: number, asOfDay: number, sizes: ScaleSizes): Generator<DemoProgress, void, void> {
  // The demo's money is in the default base currency; a workspace is created with it, a bare database gets it here.
  inTransaction(db, () => insertBaseCurrencyIfMissing(db, DEFAULT_BASE_CURRENCY));
  suspendSecondaryIndexes(db, DEMO_KINDS);
  yield* writeDemoRows(db, sink, seed, asOfDay, sizes);
  yield* rebuildSuspendedIndexes(db);
}

function* writeDemoRows(db: Db, sink: DemoSink, seed: number, asOfDay: number, sizes: ScaleSizes): Generator<DemoProgress, void, void> {
  const credit = new CreditPortfolioWriter(sink, seed, asOfDay);
  yield* writeInBatches(db, sink, 'borrowers and loans', sizes.borrowers, (i) => credit.writeBorrower(i));

  const wallet = new WalletActivityWriter(sink, walletLayout(seed, sizes, asOfDay));
  yield* writeInBatches(db, sink, 'accounts and transactions', sizes.accounts, (i) => wallet.writeAccount(i));

  const performingMinor = credit.totals.performingRetailMinor + credit.totals.performingBusinessMinor;
  const investors = new InvestorFundingWriter(sink, seed, asOfDay, sizes.investors, performingMinor);
  yield* writeInBatches(db, sink, 'investor balances', sizes.investors, (i) => investors.writeInvestor(i));

  const balances = investors.totals.byProductMinor;
  yield* writeInBatches(db, sink, 'daily flows', FLOW_DAYS, (d) => {
    for (const flow of dailyFlowsFor(seed, asOfDay, d, balances)) sink.write('daily_flows', flow);
  });
  yield* writeInBatches(db, sink, 'liquidity lines', 1, () => {
    for (const line of liquidityLines(seed, asOfDay, { credit: credit.totals, investors: investors.totals })) sink.write('liquidity_lines', line);
  });
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RiskDeskError('JOB_CANCELLED', 'Demo generation was cancelled.');
}

/** Runs to completion on the calling thread; a signal is honoured between batches (e.g. aborted from onProgress). */
export function generateDemo(db: Db, options: DemoOptions): DemoSummary {
  const run = startDemo(db, options);
  for (;;) {
    throwIfCancelled(options.signal);
    const step = run.steps.next();
    if (step.done) return run.summary();
    options.onProgress?.(step.value);
  }
}

/** The same run, yielding to the event loop after every batch so that progress is delivered and a cancel can arrive. */
export async function generateDemoAsync(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const run = startDemo(db, options);
  for (;;) {
    throwIfCancelled(options.signal);
    const step = run.steps.next();
    if (step.done) return run.summary();
    options.onProgress?.(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
