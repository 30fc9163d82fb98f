import { useTranslation } from 'react-i18next';
import type { StressScenario } from '../../../../../preload/contract/liquidity.ts';
import { FactList } from '../../../components/FactList.tsx';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import type { ScenarioColumn } from '../parameters/liquidity-draft.ts';

/** A scenario's parameters, worded as what they do to the flows. */
export function ScenarioFacts({ scenario }: { scenario: StressScenario }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const percent = (rate: number) => formatPercent(rate, locale, 0);
  const label = (field: ScenarioColumn) => t(`liquidity.scenario.fields.${field}`);
  return (
    <div data-testid="scenario-facts">
      {scenario.description && <p className="small">{scenario.description}</p>}
      <FactList
        facts={[
          [label('horizonDays'), t('liquidity.scenario.days', { count: scenario.horizonDays })],
          [label('redemptionMultiplier'), `× ${scenario.redemptionMultiplier}`],
          [label('subscriptionFactor'), `× ${scenario.subscriptionFactor}`],
          [label('wholesaleRollover'), percent(scenario.wholesaleRollover)],
          [label('haircutL1'), percent(scenario.extraHaircut.l1)],
          [label('haircutL2a'), percent(scenario.extraHaircut.l2a)],
          [label('haircutL2b'), percent(scenario.extraHaircut.l2b)],
          [label('inflowDelayDays'), t('liquidity.scenario.days', { count: scenario.inflowDelayDays })],
          [label('inflowFactor'), percent(scenario.inflowFactor)],
          [label('drawdownFactor'), `× ${scenario.drawdownFactor}`],
        ]}
      />
    </div>
  );
}
