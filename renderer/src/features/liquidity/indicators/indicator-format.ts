import type { LiquidityIndicator } from '../../../../../preload/contract/liquidity.ts';
import { formatPercent } from '../../../format/numbers.ts';

/** Each indicator in its own unit: a z-score as a number, shares and the LCR as percentages, the survival horizon in days. */
export function formatIndicator(indicator: LiquidityIndicator, value: number | null, locale: string): string {
  if (value === null) return '—';
  if (indicator === 'net_outflow_z') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (indicator === 'survival_days') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return formatPercent(value, locale, 1);
}
