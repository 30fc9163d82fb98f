import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allows } from '../../../../preload/contract/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { ScorecardBuilder } from './builder/ScorecardBuilder.tsx';
import { CREDIT_TABS, useCreditAddress, type CreditTab } from './credit-address.ts';
import { CreditTabs } from './CreditTabs.tsx';
import { ModelsTab } from './models/ModelsTab.tsx';
import { ParametersTab } from './parameters/ParametersTab.tsx';
import { PortfolioRiskTab } from './risk/PortfolioRiskTab.tsx';
import { ValidationTab } from './validation/ValidationTab.tsx';

/**
 * Credit: scorecard development, the model lifecycle and its validation, the portfolio's PD, stage and ECL, and
 * the IFRS 9 parameters. The builder is only for roles that develop models; every role reads the rest.
 */
export function CreditPage() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const address = useCreditAddress();
  const tabs = CREDIT_TABS.filter((id) => id !== 'builder' || allows(user.role, 'models.develop'));
  const [fallback] = tabs;
  const current: CreditTab = address.tab && tabs.includes(address.tab) ? address.tab : (fallback ?? 'models');

  // The builder holds unsaved work (a development, hand-edited bins): once opened it stays mounted, hidden, while
  // the user looks at another tab. The other tabs read fresh data each time they open.
  const [builderSeen, setBuilderSeen] = useState(current === 'builder');
  useEffect(() => {
    if (current === 'builder') setBuilderSeen(true);
  }, [current]);

  const panel = (id: CreditTab) => ({ id: `credit-panel-${id}`, role: 'tabpanel', 'aria-labelledby': `credit-tab-${id}`, className: 'credit-panel' });

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('nav.credit')} subtitle={t('credit.subtitle')} />
      <CreditTabs tabs={tabs.map((id) => ({ id, label: t(`credit.tabs.${id}`) }))} current={current} onSelect={(id) => address.open(id)} label={t('credit.tabsLabel')} />
      {(builderSeen || current === 'builder') && (
        <div {...panel('builder')} hidden={current !== 'builder'}>
          <ScorecardBuilder />
        </div>
      )}
      {current !== 'builder' && (
        <div {...panel(current)}>
          {current === 'models' && <ModelsTab />}
          {current === 'validation' && <ValidationTab />}
          {current === 'risk' && <PortfolioRiskTab />}
          {current === 'parameters' && <ParametersTab />}
        </div>
      )}
    </section>
  );
}
