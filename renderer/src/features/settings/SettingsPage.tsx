import { useTranslation } from 'react-i18next';
import { allows } from '../../../../preload/contract/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { BackupSection } from './BackupSection.tsx';
import { DataSection } from './DataSection.tsx';
import { PassphraseSection } from './PassphraseSection.tsx';
import { PreferencesSection } from './PreferencesSection.tsx';
import { UsersSection } from './UsersSection.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const { user, workspace } = useUnlocked();
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('nav.settings')} subtitle={<span className="mono">{workspace.path}</span>} />
      <div className="panel-grid">
        <PreferencesSection />
        <PassphraseSection />
        {allows(user.role, 'users.list') && <UsersSection />}
        <DataSection />
        <BackupSection />
      </div>
    </section>
  );
}
