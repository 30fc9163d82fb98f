import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_CREDENTIALS, DEMO_ROLE_USERS } from '../../../../preload/contract/demo.ts';
import type { MethodResult } from '../../../../preload/contract/index.ts';
import { api, errorMessage } from '../../api/client.ts';
import { suggestedUser } from '../../api/ws-transport.ts';
import { PreferenceControls } from '../../components/PreferenceControls.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useSession } from '../../session/session-context.tsx';

type RecentWorkspace = MethodResult<'session.recentWorkspaces'>[number];

const LAST_USER_KEY = 'riskdesk.lastUser';

/**
 * User and passphrase for a workspace. Electron offers the workspaces the user opened before (another one is
 * chosen in main's own dialog, File › Open Workspace…: the page cannot name a file); the browser host serves
 * exactly one. The message on failure is main's (wrong passphrase, unknown user, …).
 */
export function UnlockScreen() {
  const { t } = useTranslation();
  const { unlock, lockReason, lockMessage, status } = useSession();
  const [recent, setRecent] = useState<RecentWorkspace[] | null>(null);
  const [choice, setChoice] = useState<string>('');
  const [username, setUsername] = useState(() => suggestedUser() ?? localStorage.getItem(LAST_USER_KEY) ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.call('session.recentWorkspaces').then(
      (list) => {
        setRecent(list);
        setChoice((current) => current || status?.workspace?.path || list[0]?.path || '');
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [status?.workspace?.path]);

  useEffect(() => {
    passphraseInput.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const workspace = choice;
    try {
      await unlock({ ...(workspace ? { workspace } : {}), ...(username.trim() ? { username: username.trim() } : {}), passphrase });
      localStorage.setItem(LAST_USER_KEY, username.trim());
    } catch (failure) {
      setError(errorMessage(failure));
      setPassphrase('');
      passphraseInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const chosen = recent?.find((item) => item.path === choice);

  return (
    <div className="unlock-screen">
      <div className="unlock-prefs">
        <PreferenceControls />
      </div>
      <main className="unlock-card" aria-labelledby="unlock-title">
        <div className="unlock-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true" />
          <div>
            <h1 id="unlock-title">RiskDesk</h1>
            <p className="muted">{t('unlock.tagline')}</p>
          </div>
        </div>
        {lockReason && lockReason !== 'user' && (
          <p className="notice" role="status">
            {t(`unlock.lockedBecause.${lockReason}`)}
            {lockMessage && ` ${lockMessage}`}
          </p>
        )}
        <form onSubmit={(event) => void submit(event)} className="unlock-form" data-testid="unlock-form">
          <fieldset className="workspace-chooser">
            <legend>{t('unlock.workspace')}</legend>
            {recent === null && <p className="muted">{t('common.loading')}</p>}
            {recent?.map((item) => (
              <label key={item.path} className={choice === item.path ? 'workspace-option selected' : 'workspace-option'}>
                <input type="radio" name="workspace" value={item.path} checked={choice === item.path} onChange={() => setChoice(item.path)} />
                <span className="workspace-option-text">
                  <span className="workspace-option-name">
                    {item.name}
                    {item.demo && <span className="badge badge-demo">{t('common.demo')}</span>}
                  </span>
                  <span className="workspace-option-path mono" title={item.path}>
                    {item.path}
                  </span>
                  {item.lastOpenedAt && <span className="muted small">{t('unlock.lastOpened', { when: formatTimestamp(item.lastOpenedAt) })}</span>}
                </span>
              </label>
            ))}
            {recent?.length === 0 && <p className="muted">{t('unlock.noWorkspace')}</p>}
            {api.transport === 'ipc' && <p className="muted small">{t('unlock.openOther')}</p>}
          </fieldset>
          {chosen?.demo && <p className="notice notice-demo small">{t('unlock.demoNotice', { ...DEMO_CREDENTIALS, others: DEMO_ROLE_USERS.map((u) => `${u.username} (${t(`roles.${u.role}`)})`).join(', ') })}</p>}
          <div className="field">
            <label htmlFor="unlock-user">{t('unlock.user')}</label>
            <input id="unlock-user" name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} placeholder={t('unlock.userPlaceholder')} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor="unlock-passphrase">{t('unlock.passphrase')}</label>
            <input
              id="unlock-passphrase"
              ref={passphraseInput}
              name="passphrase"
              type="password"
              autoComplete="current-password"
              required
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'unlock-error' : undefined}
            />
          </div>
          {error && (
            <p className="notice notice-error" role="alert" id="unlock-error" data-testid="unlock-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" disabled={busy || !passphrase}>
            {busy ? t('unlock.unlocking') : t('unlock.unlock')}
          </button>
        </form>
        <p className="muted small unlock-foot">{t('unlock.foot')}</p>
      </main>
    </div>
  );
}
