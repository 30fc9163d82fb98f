import { useTranslation } from 'react-i18next';
import type { BinningEvaluation, DevelopmentReport, StoredBinning } from '../../../../../preload/contract/index.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { IV_BAND_TONE } from '../credit-codes.ts';
import { formatDecimal } from '../format-stats.ts';
import { ToneBadge } from '../ToneBadge.tsx';
import { FeatureName } from '../FeatureName.tsx';
import { exclusionText } from '../development-text.ts';

interface Props {
  readonly features: DevelopmentReport['features'];
  readonly edits: Readonly<Record<string, BinningEvaluation>>;
  readonly handBinned: Readonly<Record<string, StoredBinning>>;
  readonly selected: string | null;
  readonly onSelect: (name: string) => void;
}

/** Every candidate feature, strongest first: IV and its band, and whether the model took it (or why not). */
export function FeatureTable({ features, edits, handBinned, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const rows = [...features].sort((a, b) => b.iv - a.iv);
  return (
    <div className="table-scroll table-tall">
      <table className="table table-compact" data-testid="feature-table">
        <thead>
          <tr>
            <th scope="col">{t('credit.builder.feature')}</th>
            <th scope="col">{t('credit.builder.type')}</th>
            <th scope="col" className="num">
              {t('credit.builder.iv')}
            </th>
            <th scope="col">{t('credit.builder.ivBand')}</th>
            <th scope="col">{t('credit.builder.selected')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((feature) => {
            const edit = edits[feature.name];
            const band = edit?.ivBand ?? feature.ivBand;
            return (
              <tr key={feature.name} className={feature.name === selected ? 'row-selected' : undefined} data-feature={feature.name}>
                <th scope="row" className="name-cell">
                  <button type="button" className="link-button mono" aria-pressed={feature.name === selected} onClick={() => onSelect(feature.name)}>
                    <FeatureName name={feature.name} />
                  </button>
                  {(edit || handBinned[feature.name]) && (
                    <span className="muted small" title={t('credit.builder.handBinnedHint')}>
                      {' '}
                      ✎
                    </span>
                  )}
                </th>
                <td>{t(`credit.builder.types.${feature.type}`)}</td>
                <td className="num" data-testid="feature-iv">
                  {edit ? (
                    <>
                      <s className="muted">{formatDecimal(feature.iv, locale, 4)}</s> {formatDecimal(edit.iv, locale, 4)}
                    </>
                  ) : (
                    formatDecimal(feature.iv, locale, 4)
                  )}
                </td>
                <td>
                  <ToneBadge tone={IV_BAND_TONE[band]}>{t(`credit.ivBands.${band}`)}</ToneBadge>
                </td>
                <td className={feature.selected ? 'selected-yes' : 'muted small cell-wrap'}>{feature.selected ? `✓ ${t('credit.builder.inModel')}` : (exclusionText(t, feature, locale) ?? '—')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
