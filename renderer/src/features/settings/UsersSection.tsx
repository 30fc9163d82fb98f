import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult, Role } from '../../../../preload/contract/index.ts';
import { allows, ROLES } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';

type UserRow = MethodResult<'users.list'>[number];

/** Who can unlock this workspace. Everyone with users.list sees it; only users.manage (admins) change it. */
export function UsersSection() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canManage = allows(user.role, 'users.manage');
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [rekeyAfterRemove, setRekeyAfterRemove] = useState(true);

  const reload = useCallback(() => {
    api.call('users.list').then(setUsers, setError);
  }, []);
  useEffect(reload, [reload]);

  const remove = async (username: string) => {
    setError(null);
    setConfirming(null);
    try {
      await api.call('users.remove', { username });
      reload();
      // On success the session locks (session.locked, reason 'rekey') and the unlock screen takes over.
      if (rekeyAfterRemove) await api.call('workspace.rekey');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="panel panel-wide" aria-labelledby="users-title" data-testid="users-section">
      <h2 id="users-title">{t('settings.users.title')}</h2>
      {!canManage && <p className="muted small">{t('settings.users.readOnly', { role: t(`roles.${user.role}`) })}</p>}
      <ErrorNotice error={error} />
      {users && (
        <table className="table table-compact" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.users.username')}</th>
              <th scope="col">{t('settings.users.role')}</th>
              <th scope="col">{t('settings.users.created')}</th>
              <th scope="col">{t('settings.users.createdBy')}</th>
              {canManage && <th scope="col" className="num">{t('settings.users.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((row) => (
              <tr key={row.username}>
                <td>
                  {row.username}
                  {row.username === user.username && <span className="muted small"> ({t('settings.users.you')})</span>}
                </td>
                <td>
                  <span className={`badge badge-role role-${row.role}`}>{t(`roles.${row.role}`)}</span>
                </td>
                <td>{formatTimestamp(row.createdAt)}</td>
                <td>{row.createdBy}</td>
                {canManage && (
                  <td className="num">
                    {confirming === row.username ? (
                      <span className="confirm">
                        <label className="small" title={t('settings.users.rekeyAfterRemoveHint', { name: row.username })}>
                          <input type="checkbox" checked={rekeyAfterRemove} onChange={(event) => setRekeyAfterRemove(event.target.checked)} data-testid="rekey-after-remove" />{' '}
                          {t('settings.users.rekeyAfterRemove')}
                        </label>
                        <button type="button" className="button button-small button-danger" onClick={() => void remove(row.username)}>
                          {t('settings.users.confirmRemove', { name: row.username })}
                        </button>
                        <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="button button-small" onClick={() => {
                          setConfirming(row.username);
                          setRekeyAfterRemove(true);
                        }}
                        disabled={row.username === user.username}>
                        {t('settings.users.remove')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && <AddUserForm onAdded={reload} />}
      {canManage && <RekeyPanel />}
    </section>
  );
}

/** Re-keying on its own: after a removal whose re-key was skipped or refused, or when a keyring copy may be loose. */
function RekeyPanel() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rekey = async () => {
    setError(null);
    setRunning(true);
    try {
      await api.call('workspace.rekey');
    } catch (failure) {
      setError(failure);
      setRunning(false);
      setConfirming(false);
    }
  };

  return (
    <div className="rekey" data-testid="rekey-panel">
      <h3>{t('settings.users.rekey.title')}</h3>
      <p className="muted small">{t('settings.users.rekey.hint')}</p>
      {confirming ? (
        <span className="confirm">
          <button type="button" className="button button-small button-danger" onClick={() => void rekey()} disabled={running}>
            {running ? t('settings.users.rekey.running') : t('settings.users.rekey.confirm')}
          </button>
          <button type="button" className="button button-small" onClick={() => setConfirming(false)} disabled={running}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
          {t('settings.users.rekey.button')}
        </button>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    try {
      await api.call('users.add', { username, role, passphrase });
      setAdded(username);
      setUsername('');
      setPassphrase('');
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="form-row add-user" onSubmit={(event) => void submit(event)} data-testid="add-user-form">
      <h3>{t('settings.users.add')}</h3>
      <Field label={t('settings.users.username')}>
        <input required value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="off" />
      </Field>
      <Field label={t('settings.users.role')}>
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('settings.users.initialPassphrase')}>
        <input type="password" required value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="new-password" />
      </Field>
      <button type="submit" className="button button-primary">
        {t('settings.users.addButton')}
      </button>
      {added && <span className="inline-ok">{t('settings.users.added', { name: added })}</span>}
      <ErrorNotice error={error} />
    </form>
  );
}
