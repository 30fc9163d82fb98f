import { useTranslation } from 'react-i18next';
import type { DevelopmentReport } from '../../../../preload/contract/index.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDecimal } from './format-stats.ts';
import { SampleCells, SampleTableHead } from './SampleTable.tsx';

type Rounding = NonNullable<DevelopmentReport['rounding']>;

/**
 * What whole points cost in discrimination: the AUC with each bin's exact points and with its points rounded to a
 * whole number (ties between rows that the exact points told apart), on the training rows and the holdout.
 */
export function RoundingEffect({ rounding, rounded }: { rounding: Rounding; rounded: boolean }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const samples = [rounding.train, rounding.holdout] as const;
  return (
    <div className="subsection" data-testid="rounding-effect">
      <h3>{t('credit.diagnostics.rounding.title')}</h3>
      <p className="muted small">{rounded ? t('credit.diagnostics.rounding.on') : t('credit.diagnostics.rounding.off')}</p>
      <table className="table table-compact">
        <SampleTableHead />
        <tbody>
          {(['exact', 'rounded'] as const).map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(`credit.diagnostics.rounding.${kind}`)}</th>
              <SampleCells samples={samples} format={(effect) => formatDecimal(effect[kind], locale, 4)} />
            </tr>
          ))}
          <tr data-kind="difference">
            <th scope="row">{t('credit.diagnostics.rounding.difference')}</th>
            <SampleCells samples={samples} format={(effect) => formatDecimal(effect.rounded - effect.exact, locale, 5)} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
