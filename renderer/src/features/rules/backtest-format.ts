import { useTranslation } from 'react-i18next';
import type { BacktestResult } from '../../../../preload/contract/fraud-backtests.ts';
import { formatPercent } from '../../format/numbers.ts';

/** Precision and recall, or a dash when there was nothing to divide by (nothing flagged, no fraud known). */
export function formatRate(rate: number | null, locale: string): string {
  return rate === null ? '—' : formatPercent(rate, locale, 1);
}

/** A backtest's period in words; an open end runs to the first or the last transaction. */
export function usePeriodLabel(): (result: Pick<BacktestResult, 'from' | 'to'>) => string {
  const { t } = useTranslation();
  return ({ from, to }) => {
    if (from && to) return t('rules.backtests.period.between', { from, to });
    if (from) return t('rules.backtests.period.from', { from });
    if (to) return t('rules.backtests.period.to', { to });
    return t('rules.backtests.period.all');
  };
}
