import { useTranslation } from 'react-i18next';
import type { BinReportRow } from '../../../../../preload/contract/index.ts';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDecimal } from '../format-stats.ts';
import { BinFlagList } from './BinFlagList.tsx';

interface Props {
  readonly bins: readonly BinReportRow[];
  /** The bins in words (bin-label.ts), in the same order. */
  readonly labels: readonly string[];
  readonly picked: number;
  readonly onPick: (index: number) => void;
  /** The development's minimum bin share, which a small bin's flag names. */
  readonly minBinShare: number;
}

/** A bin holding one class only: its WOE is not observed but smoothed (woe.ts, WOE_ADJUSTMENT). */
const smoothed = (bin: BinReportRow) => bin.flags?.includes('no_events') === true || bin.flags?.includes('no_non_events') === true;

/**
 * A feature's bins: counts, event rate, WOE, points and what a reviewer would flag in each. The radio picks the bin
 * an edit applies to.
 */
export function BinTable({ bins, labels, picked, onPick, minBinShare }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="bin-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('credit.bins.pick')}</span>
            </th>
            <th scope="col">{t('credit.bins.label')}</th>
            <th scope="col" className="num">{t('credit.bins.count')}</th>
            <th scope="col" className="num">{t('credit.bins.share')}</th>
            <th scope="col" className="num">{t('credit.bins.events')}</th>
            <th scope="col" className="num">{t('credit.bins.eventRate')}</th>
            <th scope="col" className="num">{t('credit.bins.woe')}</th>
            <th scope="col" className="num">{t('credit.bins.points')}</th>
            <th scope="col">{t('credit.diagnostics.checks')}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin, index) => (
            <tr key={`${index}:${bin.label}`} className={index === picked ? 'row-selected' : undefined} data-flagged={(bin.flags?.length ?? 0) > 0}>
              <td>
                <input type="radio" name="bin-pick" checked={index === picked} onChange={() => onPick(index)} aria-label={t('credit.bins.pickBin', { label: labels[index] ?? bin.label })} />
              </td>
              <th scope="row" className="mono name-cell">
                {labels[index] ?? bin.label}
              </th>
              <td className="num">{formatCount(bin.count, locale)}</td>
              <td className="num">{formatPercent(total > 0 ? bin.count / total : 0, locale, 1)}</td>
              <td className="num">{formatCount(bin.events, locale)}</td>
              <td className="num">{formatPercent(bin.eventRate, locale)}</td>
              <td className={`num ${bin.woe < 0 ? 'value-bad' : 'value-good'}`}>
                {formatDecimal(bin.woe, locale)}
                {smoothed(bin) && (
                  <span className="smoothed-mark" data-testid="smoothed-woe" title={t('credit.diagnostics.smoothedRule')} aria-label={t('credit.diagnostics.smoothed')}>
                    {' '}
                    ≈
                  </span>
                )}
              </td>
              <td className="num" data-testid="bin-points">
                {bin.points === null ? '—' : formatDecimal(bin.points, locale, Number.isInteger(bin.points) ? 0 : 1)}
              </td>
              <td>
                <BinFlagList flags={bin.flags ?? []} share={total > 0 ? bin.count / total : 0} minBinShare={minBinShare} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
