// The two checks a reviewer makes of a WOE logistic regression before reading its points. The engine models
// logit P(event) = β₀ + Σ βⱼ·WOEⱼ with DOMAIN.md's WOE (positive = fewer events than average), so a feature that
// works as its bins say has βⱼ < 0: a positive one means the model scores a better-than-average bin as worse,
// which is collinearity with another feature (or a leak), not evidence. A Wald p-value above the threshold means the
// data do not show the feature adds anything once the others are in.

import type { CoefficientFlag } from '../../../../preload/contract/credit.ts';

/** The default p-value threshold, the conventional 5 % level. */
export const DEFAULT_P_VALUE_THRESHOLD = 0.05;

export function coefficientFlags(coef: number, pValue: number, pValueThreshold: number): CoefficientFlag[] {
  const flags: CoefficientFlag[] = [];
  if (coef > 0) flags.push('wrong_sign');
  if (!(pValue <= pValueThreshold)) flags.push('not_significant');
  return flags;
}
