import { useTranslation } from 'react-i18next';
import type { DevelopmentReport } from '../../../../../preload/contract/index.ts';
import { formatTimestamp } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { FlaggedBinsList } from '../builder/FlaggedBinsList.tsx';

/**
 * What a reviewer reads before the curves: the scale the points follow, and the flagged bins that the model's author
 * accepted knowingly when saving it (who, when, which bins and why they were flagged).
 */
export function ModelScaleAndAcceptance({ report }: { report: DevelopmentReport }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { scaling, acceptance } = report;
  // A scale is whatever the author typed (PDO 12.5 is fine): shown as typed, not rounded to a count.
  const plain = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
  return (
    <section className="panel panel-wide" aria-labelledby="model-documentation-title" data-testid="model-documentation">
      <h2 id="model-documentation-title">{t('credit.diagnostics.documentation.title')}</h2>
      <p data-testid="model-scale">
        {t('credit.diagnostics.documentation.scale', {
          pdo: plain(scaling.pdo),
          score: plain(scaling.base_score),
          odds: plain(scaling.base_odds),
        })}{' '}
        {scaling.round_points ? t('credit.diagnostics.documentation.wholePoints') : t('credit.diagnostics.documentation.exactPoints')}
      </p>
      {acceptance ? (
        <div className="notice" data-testid="accepted-bins">
          <p>{t('credit.diagnostics.documentation.accepted', { user: acceptance.acceptedBy, at: formatTimestamp(acceptance.acceptedAt) })}</p>
          <FlaggedBinsList bins={acceptance.bins} binnings={report.features.map((feature) => feature.binning)} />
        </div>
      ) : (
        <p className="muted small">{t('credit.diagnostics.documentation.noAcceptance')}</p>
      )}
    </section>
  );
}
