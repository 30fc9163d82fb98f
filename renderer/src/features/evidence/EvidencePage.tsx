import { useTranslation } from 'react-i18next';
import { allows } from '../../../../preload/contract/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useAddressParams } from '../../components/use-address-params.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { CreditTabs } from '../credit/CreditTabs.tsx';
import { ExportWizard } from './ExportWizard.tsx';
import { PastExports } from './PastExports.tsx';
import { VerifyPack } from './VerifyPack.tsx';

const EVIDENCE_TABS = ['export', 'exports', 'verify'] as const;

/**
 * Evidence packs: auditors (and admins) export a period's evidence as a signed BagIt zip and see the packs made so
 * far; anyone checks a pack line by line. The address holds the tab; a role that may not export opens on Verify.
 */
export function EvidencePage() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [params, update] = useAddressParams();
  const canExport = allows(user.role, 'evidence.export');
  const tab = EVIDENCE_TABS.find((id) => id === params.get('tab')) ?? (canExport ? 'export' : 'verify');
  const notAllowed = <p className="notice">{t('evidence.notAllowed', { role: t(`roles.${user.role}`) })}</p>;

  return (
    <section className="page" aria-labelledby="page-title" data-testid="evidence-page">
      <PageHeader title={t('nav.evidence')} subtitle={t('evidence.subtitle')} />
      <CreditTabs tabs={EVIDENCE_TABS.map((id) => ({ id, label: t(`evidence.tabs.${id}`) }))} current={tab} onSelect={(id) => update({ tab: id })} label={t('evidence.tabsLabel')} />
      <div id={`credit-panel-${tab}`} role="tabpanel" aria-labelledby={`credit-tab-${tab}`} className="credit-panel">
        {tab === 'export' && (canExport ? <ExportWizard /> : notAllowed)}
        {tab === 'exports' && (canExport ? <PastExports /> : notAllowed)}
        {tab === 'verify' && <VerifyPack />}
      </div>
    </section>
  );
}
