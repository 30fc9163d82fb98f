import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CreditTabs } from '../credit/CreditTabs.tsx';
import { RuleBacktestsTab } from './RuleBacktestsTab.tsx';
import { RuleDiffTab } from './RuleDiffTab.tsx';
import { RuleVersionsTab } from './RuleVersionsTab.tsx';
import { useAddressParams } from '../../components/use-address-params.ts';

const RULE_TABS = ['versions', 'diff', 'backtests'] as const;
type RuleTab = (typeof RULE_TABS)[number];

/** The address's number `name`, when it is a version or backtest number (both count from 1). */
function idParam(params: URLSearchParams, name: string): number | null {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * Rules: the fraud rule sets compliance writes (versions with their lifecycle and four-eyes activation, the editor,
 * signed export and import), what changed between two versions, and backtests of a version. The address holds the tab
 * (`?tab=diff`), the version shown (`?version=3`, on the rule sets and backtests tabs alike), the versions compared
 * (`?from=2&to=3`) and the backtest shown (`?backtest=12`), so they survive a reload and Back.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const [params, update] = useAddressParams();
  const tab: RuleTab = RULE_TABS.find((id) => id === params.get('tab')) ?? 'versions';


  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('nav.rules')} subtitle={t('rules.subtitle')} />
      <CreditTabs tabs={RULE_TABS.map((id) => ({ id, label: t(`rules.tabs.${id}`) }))} current={tab} onSelect={(id) => update({ tab: id === 'versions' ? null : id })} label={t('rules.tabsLabel')} />
      <div id={`credit-panel-${tab}`} role="tabpanel" aria-labelledby={`credit-tab-${tab}`} className="credit-panel">
        {tab === 'versions' && <RuleVersionsTab version={idParam(params, 'version')} onVersion={(version) => update({ version })} />}
        {tab === 'diff' && <RuleDiffTab from={idParam(params, 'from')} to={idParam(params, 'to')} onPick={(from, to) => update({ from, to })} />}
        {tab === 'backtests' && (
          <RuleBacktestsTab version={idParam(params, 'version')} backtest={idParam(params, 'backtest')} onPick={(version, backtest) => update({ version, backtest })} />
        )}
      </div>
    </section>
  );
}
