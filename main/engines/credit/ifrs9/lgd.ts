// Loss given default and credit conversion factors from the parameter set.
import type { CreditParameters } from '../../../../preload/contract/credit.ts';

/** A loan without collateral: no collateral type, or the literal 'none' that loan files use for it. */
function isUncollateralised(collateralType: string | null): boolean {
  return collateralType === null || collateralType === 'none';
}

/**
 * The LGD of a loan: the most specific matching rule wins — product and collateral, then collateral only, then
 * product only, then a rule naming neither, then the default; among equally specific rules the first listed.
 * A rule that names a collateral type applies only to loans with that collateral, so an uncollateralised loan
 * (collateralType null or 'none') is matched by rules without a collateral type only.
 */
export function lgdFor(params: CreditParameters, product: string, collateralType: string | null): number {
  const collateral = isUncollateralised(collateralType) ? null : collateralType;
  let best = -1;
  let lgd = params.lgd.default;
  for (const rule of params.lgd.rules) {
    if (rule.product !== null && rule.product !== product) continue;
    if (rule.collateralType !== null && rule.collateralType !== collateral) continue;
    const specificity = (rule.collateralType !== null ? 2 : 0) + (rule.product !== null ? 1 : 0);
    if (specificity > best) {
      best = specificity;
      lgd = rule.lgd;
    }
  }
  return lgd;
}

/** The CCF on a product's undrawn commitment (the default for products without their own). */
export function ccfFor(params: CreditParameters, product: string): number {
  // Object.hasOwn: a product named like an Object.prototype member ('constructor') must not find a function.
  return Object.hasOwn(params.ccf.byProduct, product) ? (params.ccf.byProduct[product] ?? params.ccf.default) : params.ccf.default;
}
