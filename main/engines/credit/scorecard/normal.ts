/**
 * Two-sided p-value of a standard normal z: erfc(|z|/√2). erfc by the Chebyshev fit of Numerical Recipes
 * (erfcc), relative error below 1.2e-7 everywhere — ample for a p-value.
 */
export function twoSidedNormalPValue(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? Number.NaN : 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.min(1, t * Math.exp(poly));
}
