// The liquidity engine as the rest of RiskDesk sees it. Workers, services, the store (types only) and benchmarks import
// this module and nothing under it (eslint.config.js refuses a deeper import from outside), so the files inside can be
// rearranged freely. Pure: time is a day number argument (engines/calendar.ts), seeds are inputs, no I/O.

// ── Categories and default factors ──
export { isLiquidityCategory } from './categories.ts';

// ── Ratios and the ladder (exact: integer minor units in, decimal.js sums, major units out) ──
export { LcrTally } from './lcr.ts';
export { NsfrTally } from './nsfr.ts';
export { nsfrCategoryOfLine, nsfrCategoryOfLoan } from './nsfr-mapping.ts';
export { weighLine } from './weigh.ts';
export { LadderTally } from './ladder.ts';

// ── Stress (deterministic), Monte Carlo, early-warning indicators ──
export { flowHistory, type FlowHistory } from './flow-history.ts';
export { ScenarioBook } from './scenario.ts';
export { mergePathChunks, simulatePaths } from './monte-carlo.ts';
export { evaluateIndicators, indicatorTrends, type ProductFlowSeries } from './indicators.ts';
