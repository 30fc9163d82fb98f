import type { TFunction } from 'i18next';

/**
 * Labels for codes that come from data (products, regions, loan statuses): a translation where the app knows
 * the code, otherwise the code made readable. Imported data may carry codes no translation knows.
 */
export function codeLabel(t: TFunction, group: 'products' | 'collateral' | 'regions' | 'statuses' | 'buckets', code: string): string {
  const key = `codes.${group}.${code}`;
  const label = (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: '' });
  return label || code.replaceAll('_', ' ').replace(/^./, (first) => first.toUpperCase());
}
