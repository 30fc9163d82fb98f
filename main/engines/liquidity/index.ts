// The liquidity engine as the rest of RiskDesk sees it. Workers, services, the store (types only) and benchmarks import
// this module and nothing under it (eslint.config.js refuses a deeper import from outside), so the files inside can be
// rearranged freely. Pure: time is a day number argument (engines/calendar.ts), seeds are inputs, no I/O.
//
// The signatures below are the engine's contract with its callers; each is implemented in the file named beside it.

// ── Categories and default factors ──
export { LCR_DEFAULT_FACTORS, isLiquidityCategory, type LiquidityCategory } from './categories.ts';

// ── Ratios and the ladder (exact: integer minor units in, decimal.js sums, major units out) ──
// lcr.ts:    new LcrTally(factors, minorDigits); tally.add(category, amountMinor); tally.breakdown(): LcrBreakdown
// nsfr.ts:   new NsfrTally(asf, rsf, minorDigits); tally.add(category, amountMinor); tally.breakdown(): NsfrBreakdown
//            nsfrCategoryOfLine(lcrCategory, remainingDays | null), nsfrCategoryOfLoan(loan) (nsfr-mapping.ts)
// weigh.ts:  weighLine({ lineId, category, amountMinor, description }, factor, minorDigits): WeightedLine
// ladder.ts: new LadderTally(asOfDay); tally.add(line: LadderLine); tally.ladder(): Ladder
//
// ── Stress (deterministic), Monte Carlo, early-warning indicators ──
export { flowHistory, type DailyFlowRow, type FlowHistory } from './flow-history.ts';
export { ScenarioBook, type ScenarioLine, type ScenarioOutcome } from './scenario.ts';
export { mergePathChunks, simulatePaths, type MonteCarloSummary, type PathSettings } from './monte-carlo.ts';
export { evaluateIndicators, indicatorTrends, type IndicatorInput, type ProductFlowSeries } from './indicators.ts';
