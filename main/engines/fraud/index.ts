// The fraud engine as the rest of RiskDesk sees it: the feature catalogue, the streaming feature pass and the CEL
// rules, with the types they take and return. Workers, services, the store (types only) and benchmarks import this
// module and nothing under it, so the files inside can be rearranged freely; eslint.config.js refuses a deeper import
// from outside. (It exports what a caller or test uses so far; knip refuses the rest.)

// ── Features ──
export { FRAUD_FEATURES, NO_CHANGE_HOURS, type FeatureVector } from './feature-catalogue.ts';
export { FeatureStream, type FraudAccount, type FraudTransaction } from './features.ts';

// ── Rules ──
export {
  MAX_EXPRESSION_LENGTH,
  checkRule,
  compileRuleSet,
  type CompiledRuleSet,
  type FiredRule,
  type Rule,
  type RuleCheck,
  type RuleError,
  type RuleSet,
  type RuleSetDecision,
  type RuleSetEvaluator,
  type RuleSetProblem,
} from './rules.ts';

// ── Backtests ──
export { BacktestTally, type Truth } from './backtest.ts';
