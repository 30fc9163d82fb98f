import type { TFunction } from 'i18next';
import { EMPLOYMENT_TYPES, HOME_OWNERSHIP, INDUSTRIES, TRANSACTION_CHANNELS, TRANSACTION_TYPES } from '../../../preload/contract/data-vocabulary.ts';
import { COLLATERAL_TYPES, LOAN_CHANNELS, LOAN_PRODUCTS, LOAN_STATUSES, REPAYMENT_TYPES } from '../../../preload/contract/loan-vocabulary.ts';
import { DELINQUENCY_BUCKETS, DPD_BUCKETS } from '../../../preload/contract/vocabulary.ts';

/**
 * Every code set the screens name, by its group under `codes.` in the translations: a test checks that each code
 * has an English and a Chinese label, so a code added to the contract without one fails there, not on screen.
 * Regions and credit features are named too, but their lists live in the data and in main/store (the test reads those).
 */
export const CODE_SETS = {
  products: LOAN_PRODUCTS,
  statuses: LOAN_STATUSES,
  repayment: REPAYMENT_TYPES,
  collateral: COLLATERAL_TYPES,
  channels: LOAN_CHANNELS,
  buckets: [...new Set([...DPD_BUCKETS, ...DELINQUENCY_BUCKETS])],
  employment: EMPLOYMENT_TYPES,
  industries: INDUSTRIES,
  homeOwnership: HOME_OWNERSHIP,
  transactionTypes: TRANSACTION_TYPES,
  transactionChannels: TRANSACTION_CHANNELS,
} as const;

export type CodeGroup = keyof typeof CODE_SETS | 'regions' | 'features';

/** A code made readable (snake_case to words, first letter capital): what an unknown code shows. */
function readableCode(code: string): string {
  return code.replaceAll('_', ' ').replace(/^./, (first) => first.toUpperCase());
}

/**
 * Labels for codes that come from data (products, regions, loan statuses, industries…): a translation where the
 * app knows the code, otherwise the code made readable. Imported data may carry codes no translation knows.
 */
export function codeLabel(t: TFunction, group: CodeGroup, code: string): string {
  return labelOr(t, `codes.${group}.${code}`, readableCode(code));
}

/** A translation where the app has one, else the fallback (codes from data the app may not know). */
export function labelOr(t: TFunction, key: string, fallback: string): string {
  const label = (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: '' });
  return label || fallback;
}

/** The same for a value that may be missing (an optional column): a dash when there is none. */
export function optionalCodeLabel(t: TFunction, group: CodeGroup, code: string | null | undefined): string {
  return code ? codeLabel(t, group, code) : '—';
}
