// The liquidity engine as the rest of RiskDesk sees it. Workers, services, the store (types only) and benchmarks import
// this module and nothing under it (eslint.config.js refuses a deeper import from outside), so the files inside can be
// rearranged freely. Pure: time is a day number argument (engines/calendar.ts), seeds are inputs, no I/O.

// ── Categories and default factors ──
export { LCR_DEFAULT_FACTORS, isContingent, isLiquidityCategory, lcrRoleOf, type LcrRole, type LiquidityCategory } from './categories.ts';

// ── Ratios and the ladder (exact: integer minor units in, decimal.js sums, major units out) ──
export { LCR_UNDEFINED, LcrTally } from './lcr.ts';
export { NSFR_UNDEFINED, NsfrTally } from './nsfr.ts';
export { nsfrCategoryOfLine, nsfrCategoryOfLoan } from './nsfr-mapping.ts';
export { weighLine } from './weigh.ts';
export { LadderTally, type LadderLine } from './ladder.ts';

// ── Stress (deterministic), Monte Carlo, early-warning indicators ──
export { flowHistory, type DailyFlowRow, type FlowHistory } from './flow-history.ts';
export { ScenarioBook, type ScenarioLine, type ScenarioOutcome } from './scenario.ts';
export { mergePathChunks, simulatePaths, type MonteCarloSummary, type PathSettings } from './monte-carlo.ts';
export { evaluateIndicators, indicatorTrends, type IndicatorInput, type ProductFlowSeries } from './indicators.ts';
