import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import { useSession, useUnlocked } from '../../session/session-context.tsx';
import { PreferenceControls } from '../PreferenceControls.tsx';

export function TopBar() {
  const { t } = useTranslation();
  const { lock, connection } = useSession();
  const { user, workspace } = useUnlocked();
  const [lockError, setLockError] = useState<string | null>(null);

  return (
    <header className="topbar">
      <div className="brand" aria-label="RiskDesk">
        <span className="brand-mark" aria-hidden="true" />
        RiskDesk
      </div>
      <div className="topbar-workspace" title={workspace.path}>
        <span className="topbar-caption">{t('top.workspace')}</span>
        <span className="workspace-name" data-testid="workspace-name">
          {workspace.name}
        </span>
        {workspace.demo && <span className="badge badge-demo">{t('common.demo')}</span>}
      </div>
      <div className="topbar-spacer" />
      {api.transport === 'ws' && connection === 'reconnecting' && (
        <span className="badge badge-warn" role="status">
          {t('top.reconnecting')}
        </span>
      )}
      {lockError && (
        <span className="badge badge-error" role="alert">
          {lockError}
        </span>
      )}
      <div className="topbar-user" data-testid="current-user">
        <span className="user-name">{user.username}</span>
        <span className={`badge badge-role role-${user.role}`}>{t(`roles.${user.role}`)}</span>
      </div>
      <PreferenceControls />
      <button
        type="button"
        className="button button-quiet"
        onClick={() => lock().catch((error: unknown) => setLockError(errorMessage(error)))}
        aria-keyshortcuts="Alt+L"
        title={t('top.lockHint')}
      >
        {t('top.lock')}
      </button>
    </header>
  );
}
