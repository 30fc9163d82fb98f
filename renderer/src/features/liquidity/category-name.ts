import type { TFunction } from 'i18next';
import { LCR_CATEGORIES, NSFR_CATEGORIES, type LcrCategory, type NsfrCategory } from '../../../../preload/contract/liquidity.ts';

const isLcrCategory = (category: string): category is LcrCategory => (LCR_CATEGORIES as readonly string[]).includes(category);
const isNsfrCategory = (category: string): category is NsfrCategory => (NSFR_CATEGORIES as readonly string[]).includes(category);

/**
 * A liquidity category's Basel III name in the user's language, or null for a code the contract does not list (a
 * result's category is a plain string: the screen then shows the code alone rather than a made-up name).
 */
export function categoryName(t: TFunction, category: string): string | null {
  if (isLcrCategory(category)) return t(`liquidity.categoryNames.lcr.${category}`);
  if (isNsfrCategory(category)) return t(`liquidity.categoryNames.nsfr.${category}`);
  return null;
}
