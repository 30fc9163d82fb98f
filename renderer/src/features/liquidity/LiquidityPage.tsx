import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CreditTabs } from '../credit/CreditTabs.tsx';
import { BasisControls } from './BasisControls.tsx';
import { IndicatorsTab } from './indicators/IndicatorsTab.tsx';
import { LIQUIDITY_TABS, useLiquidityAddress, type LiquidityTab } from './liquidity-address.ts';
import { MonteCarloTab } from './montecarlo/MonteCarloTab.tsx';
import { LiquidityParametersTab } from './parameters/LiquidityParametersTab.tsx';
import { PositionTabs } from './position/PositionTabs.tsx';
import { StressTab } from './stress/StressTab.tsx';

const POSITION_TABS: readonly LiquidityTab[] = ['position', 'lcr', 'nsfr'];

/**
 * Liquidity: can the platform pay investors who redeem, even in a run? The maturity ladder, the LCR and NSFR line by
 * line, deterministic stress scenarios, Monte Carlo simulations of redemptions, the early-warning indicators, and the
 * parameter set behind them (compliance drafts, a second compliance user approves). The address holds the tab and
 * what it shows.
 */
export function LiquidityPage() {
  const { t } = useTranslation();
  const address = useLiquidityAddress();
  const sets = useCall(() => api.call('liquidity.parameterSets'), []);
  const { tab, basis } = address;
  const onBasis = (next: typeof basis) => address.update({ asOf: next.asOf, version: next.version });

  return (
    <section className="page" aria-labelledby="page-title" data-testid="liquidity-page">
      <PageHeader title={t('nav.liquidity')} subtitle={t('liquidity.subtitle')} />
      <CreditTabs tabs={LIQUIDITY_TABS.map((id) => ({ id, label: t(`liquidity.tabs.${id}`) }))} current={tab} onSelect={(id) => address.update({ tab: id === 'position' ? null : id })} label={t('liquidity.tabsLabel')} />
      <div id={`credit-panel-${tab}`} role="tabpanel" aria-labelledby={`credit-tab-${tab}`} className="credit-panel">
        <ErrorNotice error={sets.error} />
        {POSITION_TABS.includes(tab) && (
          <PositionTabs tab={tab} basis={basis} controls={(computed) => <BasisControls basis={basis} sets={sets.data ?? []} onChange={onBasis} computed={computed} />} />
        )}
        {tab === 'stress' && (
          <StressTab
            basis={basis}
            sets={sets.data}
            scenario={address.scenario}
            onScenario={(scenario) => address.update({ scenario })}
            controls={(computed) => <BasisControls basis={basis} sets={sets.data ?? []} onChange={onBasis} computed={computed} />}
          />
        )}
        {tab === 'montecarlo' && <MonteCarloTab sets={sets.data} simulation={address.simulation} onSimulation={(simulation) => address.update({ simulation })} />}
        {tab === 'indicators' && <IndicatorsTab />}
        {tab === 'parameters' && <LiquidityParametersTab sets={sets} version={basis.version} onVersion={(version) => address.update({ version })} />}
      </div>
    </section>
  );
}
