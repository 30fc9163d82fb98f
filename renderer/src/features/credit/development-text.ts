import type { TFunction } from 'i18next';
import type { DevelopmentReport } from '../../../../preload/contract/credit.ts';
import { codeLabel } from '../../components/code-labels.ts';
import { formatMonth } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { formatDecimal } from './format-stats.ts';

type FeatureReport = DevelopmentReport['features'][number];

/**
 * How the development sample and its event were defined, in the user's language; a report saved before the
 * definition was recorded keeps its English sentence.
 */
export function sampleText(t: TFunction, report: Pick<DevelopmentReport, 'sample' | 'sampleDefinition'>, locale: string): string {
  const definition = report.sampleDefinition;
  if (!definition) return report.sample;
  const sample =
    definition.latestMonth === null
      ? t('credit.builder.sampleText.endedOnly')
      : t('credit.builder.sampleText.seasoned', { months: definition.seasoningMonths, latest: formatMonth(definition.latestMonth, locale) });
  return `${sample} ${t('credit.builder.sampleText.event')}`;
}

/** Why a feature was left out, in the user's language (a report saved before exclusions were recorded: its English reason). */
export function exclusionText(t: TFunction, feature: Pick<FeatureReport, 'reason' | 'exclusion'>, locale: string): string | null {
  const exclusion = feature.exclusion;
  if (!exclusion) return feature.reason;
  return exclusion.code === 'low_iv'
    ? t('credit.builder.exclusions.low_iv', { iv: formatDecimal(exclusion.iv, locale, 4), minIv: formatCount(exclusion.minIv, locale) })
    : t('credit.builder.exclusions.correlated', {
        correlation: formatDecimal(exclusion.correlation, locale, 3),
        feature: codeLabel(t, 'features', exclusion.with),
        limit: formatCount(exclusion.maxCorrelation, locale),
      });
}
