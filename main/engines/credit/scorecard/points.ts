// Score scaling per DOMAIN.md (Credit: Points). Convention for a WOE-logit model logit P(event) = β₀ + Σ βⱼ·WOEⱼ:
// score = offset + factor · ln(odds of non-event) = offset − factor · (β₀ + Σ βⱼ·WOEⱼ), spread over the n model
// features as points per bin = −(βⱼ · WOE + β₀/n) · factor + offset/n, so a row's score is the sum of its bins' points.
// A scorecard printed for people usually shows whole points: with round_points each bin's points are rounded, and
// the score is the sum of the rounded points (so it can differ from the exact score by up to n/2 points).

export interface Scaling {
  readonly pdo: number;
  readonly base_score: number;
  readonly base_odds: number;
  /** Whole points per bin (and so whole scores); absent or false: exact points. */
  readonly round_points?: boolean;
}

export const DEFAULT_SCALING: Scaling = { pdo: 20, base_score: 600, base_odds: 50 };

export function scalingConstants(scaling: Scaling): { factor: number; offset: number } {
  const factor = scaling.pdo / Math.LN2;
  return { factor, offset: scaling.base_score - factor * Math.log(scaling.base_odds) };
}

export function binPoints(scaling: Scaling, coef: number, woe: number, intercept: number, featureCount: number): number {
  const { factor, offset } = scalingConstants(scaling);
  const points = -(coef * woe + intercept / featureCount) * factor + offset / featureCount;
  return scaling.round_points ? Math.round(points) : points;
}

/** The score of a linear predictor η = logit P(event). */
export function scoreOfLogit(scaling: Scaling, eta: number): number {
  const { factor, offset } = scalingConstants(scaling);
  return offset - factor * eta;
}

export interface ReasonCode {
  readonly feature: string;
  /** Points below the feature's best bin. */
  readonly pointsLost: number;
}

/**
 * The features that cost a row the most points against each feature's best bin, largest loss first, at most
 * `limit`, features that cost nothing left out. `rowPoints[j]` is the row's points on feature j; `bestPoints[j]`
 * the highest points any bin of feature j gives.
 */
export function reasonCodes(features: readonly string[], rowPoints: readonly number[], bestPoints: readonly number[], limit = 3): ReasonCode[] {
  return features
    .map((feature, j) => ({ feature, pointsLost: (bestPoints[j] ?? 0) - (rowPoints[j] ?? 0) }))
    .filter((reason) => reason.pointsLost > 1e-9)
    .sort((a, b) => b.pointsLost - a.pointsLost || a.feature.localeCompare(b.feature))
    .slice(0, limit);
}
