// The credit engine as the rest of RiskDesk sees it: develop a scorecard, score loans with it, assess each loan
// (PD, grade, stage, ECL), and the portfolio analytics and model monitoring built on them, with the types they take
// and return. Workers, services, the store (types only) and benchmarks import this module and nothing under it, so
// the folders inside (scorecard/, ifrs9/, portfolio/, validation/) can be rearranged freely; eslint.config.js refuses
// a deeper import from outside. The fraud and liquidity engines get an index.ts of the same shape.

// ── Scorecard development ──
export { developScorecard, scoreRows, rowReasonCodes, type ScorecardDevelopment } from './scorecard/fit.ts';
export { fitLogistic } from './scorecard/logistic.ts';
export type { FeatureColumn } from './scorecard/binning.ts';
export { holdoutMask } from './scorecard/split.ts';
export { ivBand, WOE_ADJUSTMENT } from './scorecard/woe.ts';
export { PSI_ADJUSTMENT, eventRateByBand } from './scorecard/metrics.ts';
export { fromStoredBinning, fromStoredScorecard, toStoredBinning } from './scorecard/stored.ts';

// ── Bins edited by hand ──
export { binningProblems } from './scorecard/binning-rules.ts';
export { binFlags, UNFITTABLE_BIN_FLAG } from './scorecard/bin-flags.ts';
export { evaluateBinning, mergeWithNext, moveBoundary, splitInterval, type BinEdit } from './scorecard/editing.ts';

// ── Validation and monitoring ──
export { developmentReport, reportBands } from './validation/development-report.ts';
export { monitoringBasis, monitoringReference, PopulationStability, StabilityByPeriod, type PopulationStabilityResult } from './validation/monitoring.ts';

// ── IFRS 9: PD, grade, stage, ECL per loan ──
export { assessLoan, type LoanRiskInput } from './ifrs9/loan-risk.ts';
export { masterScaleProblems } from './ifrs9/master-scale.ts';

// ── Portfolio analytics ──
export { concentration } from './portfolio/concentration.ts';
export { dpdBucket } from './portfolio/dpd-bucket.ts';
export { RollRates } from './portfolio/roll-rates.ts';
export { VintageCurves } from './portfolio/vintages.ts';

// ── Early-warning alerts from a run ──
export { exposureLimitAlert, loanAlerts, type BorrowerExposure, type CreditAlert, type LoanComparison } from './alerts/early-warning.ts';

// ── Model-monitoring alerts from a run ──
export { modelDriftAlerts } from './alerts/model-drift.ts';
