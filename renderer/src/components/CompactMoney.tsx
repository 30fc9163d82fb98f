import { formatMoney } from '../format/numbers.ts';

/**
 * An amount shown compact (CN¥1.2M) where many sit side by side, with the exact amount and its currency a hover
 * away, so that no figure on screen is only ever seen rounded.
 */
export function CompactMoney({ minor, currency, locale }: { minor: number; currency: string; locale: string }) {
  return <span title={formatMoney(minor, currency, locale)}>{formatMoney(minor, currency, locale, { compact: true })}</span>;
}
