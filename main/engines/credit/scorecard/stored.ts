// Scorecards and binnings to and from the JSON form the contract stores (storedScorecardSchema): typed arrays
// become plain arrays and the open ends of intervals (±Infinity, which JSON cannot hold) become null.
// JSON keeps every finite double exactly, so a stored scorecard re-scores new data to the last bit.
import type { StoredBinning, StoredBinRule, StoredScorecard } from '../../../../preload/contract/credit.ts';
import type { Bin, BinRule, FeatureBinning } from './binning.ts';
import type { Scorecard } from './fit.ts';
import type { Scaling } from './points.ts';

function toStoredRule(rule: BinRule): StoredBinRule {
  switch (rule.kind) {
    case 'interval':
      return { kind: 'interval', lower: Number.isFinite(rule.lower) ? rule.lower : null, upper: Number.isFinite(rule.upper) ? rule.upper : null };
    case 'missing':
      return { kind: 'missing' };
    case 'special':
      return { kind: 'special', value: rule.value };
    case 'levels':
      return { kind: 'levels', levels: [...rule.levels] };
    case 'other':
      return { kind: 'other', levels: [...rule.levels] };
  }
}

function fromStoredRule(rule: StoredBinRule): BinRule {
  switch (rule.kind) {
    case 'interval':
      return { kind: 'interval', lower: rule.lower ?? Number.NEGATIVE_INFINITY, upper: rule.upper ?? Number.POSITIVE_INFINITY };
    case 'missing':
      return { kind: 'missing' };
    case 'special':
      return { kind: 'special', value: rule.value };
    case 'levels':
      return { kind: 'levels', levels: [...rule.levels] };
    case 'other':
      return { kind: 'other', levels: [...rule.levels] };
  }
}

export function toStoredBinning(binning: FeatureBinning): StoredBinning {
  return {
    name: binning.name,
    type: binning.type,
    bins: binning.bins.map((bin) => ({ label: bin.label, rule: toStoredRule(bin.rule) })),
    specialValues: [...binning.specialValues],
  };
}

export function fromStoredBinning(stored: StoredBinning): FeatureBinning {
  return {
    name: stored.name,
    type: stored.type,
    bins: stored.bins.map((bin): Bin => ({ label: bin.label, rule: fromStoredRule(bin.rule) })),
    specialValues: [...stored.specialValues],
  };
}

export function toStoredScorecard(card: Scorecard): StoredScorecard {
  return {
    features: [...card.features],
    binnings: card.binnings.map(toStoredBinning),
    woe: card.woe.map((woe) => Array.from(woe)),
    intercept: card.intercept,
    coefficients: Array.from(card.coefficients),
    scaling: scalingCopy(card.scaling),
  };
}

/** The scale as stored: round_points only where set, so that a model saved before rounding existed reads back unchanged. */
function scalingCopy(scaling: Scaling): Scaling {
  return { pdo: scaling.pdo, base_score: scaling.base_score, base_odds: scaling.base_odds, ...(scaling.round_points ? { round_points: true } : {}) };
}

export function fromStoredScorecard(stored: StoredScorecard): Scorecard {
  return {
    binnings: stored.binnings.map(fromStoredBinning),
    woe: stored.woe.map((woe) => Float64Array.from(woe)),
    features: [...stored.features],
    intercept: stored.intercept,
    coefficients: Float64Array.from(stored.coefficients),
    scaling: scalingCopy(stored.scaling),
  };
}
