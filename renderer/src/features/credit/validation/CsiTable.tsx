import { useTranslation } from 'react-i18next';
import type { ModelMonitoring } from '../../../../../preload/contract/index.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { STABILITY_TONE } from '../credit-codes.ts';
import { formatDecimal } from '../format-stats.ts';
import { FeatureName } from '../FeatureName.tsx';

type Period = ModelMonitoring['periods'][number];

/** Each model feature's CSI per origination quarter, coloured by band: which input drifted, and when. */
export function CsiTable({ periods }: { periods: readonly Period[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const features = [...new Set(periods.flatMap((period) => period.csi.map((entry) => entry.feature)))];
  if (features.length === 0) return <p className="muted empty">{t('credit.validation.noPeriods')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact heat-table" data-testid="csi-table">
        <thead>
          <tr>
            <th scope="col">{t('credit.builder.feature')}</th>
            {periods.map((period) => (
              <th key={period.period} scope="col" className="num">
                {period.period}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {features.map((feature) => (
            <tr key={feature}>
              <th scope="row" className="name-cell">
                <FeatureName name={feature} />
              </th>
              {periods.map((period) => {
                const entry = period.csi.find((candidate) => candidate.feature === feature);
                return (
                  <td key={period.period} className={`num ${entry ? `tone-cell tone-${STABILITY_TONE[entry.band]}` : ''}`} title={entry ? t(`credit.stability.${entry.band}`) : undefined}>
                    {entry ? formatDecimal(entry.value, locale) : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
