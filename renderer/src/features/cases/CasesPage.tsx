import { useTranslation } from 'react-i18next';
import { CASE_VIEWS, type CaseView } from '../../../../preload/contract/cases.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CreditTabs } from '../credit/CreditTabs.tsx';
import { CaseQueue } from './CaseQueue.tsx';
import { CaseSettingsTab } from './settings/CaseSettingsTab.tsx';
import { WorkloadTab } from './WorkloadTab.tsx';
import { useAddressParams } from '../../components/use-address-params.ts';

const CASE_TABS = ['queue', 'workload', 'settings'] as const;
type CaseTab = (typeof CASE_TABS)[number];

/**
 * Cases: the queue (saved views, bulk assignment, keyboard triage), the team's workload, and the SLA tables and
 * response playbooks cases follow (versioned, four-eyes activation). The address holds the tab (`?tab=workload`),
 * the queue's view (`?view=mine`) and the versions shown (`?sla=3&playbooks=2`), so they survive a reload and the
 * browser's Back.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const [params, update] = useAddressParams();
  const tab: CaseTab = CASE_TABS.find((id) => id === params.get('tab')) ?? 'queue';
  const view: CaseView = CASE_VIEWS.find((id) => id === params.get('view')) ?? 'open';


  return (
    <section className={tab === 'queue' ? 'page page-fill' : 'page'} aria-labelledby="page-title">
      <PageHeader title={t('nav.cases')} subtitle={t('cases.subtitle')} />
      <CreditTabs
        tabs={CASE_TABS.map((id) => ({ id, label: t(`cases.tabs.${id}`) }))}
        current={tab}
        onSelect={(id) => update({ tab: id === 'queue' ? null : id })}
        label={t('cases.tabsLabel')}
      />
      <div id={`credit-panel-${tab}`} role="tabpanel" aria-labelledby={`credit-tab-${tab}`} className={tab === 'queue' ? 'portfolio-body' : 'credit-panel'}>
        {tab === 'queue' && <CaseQueue view={view} onView={(next) => update({ view: next === 'open' ? null : next })} />}
        {tab === 'workload' && <WorkloadTab />}
        {tab === 'settings' && <CaseSettingsTab />}
      </div>
    </section>
  );
}
