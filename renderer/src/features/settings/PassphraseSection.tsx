import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { useUnlocked } from '../../session/session-context.tsx';

/** Change your own passphrase; the current one proves it is you. */
export function PassphraseSection() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setError(null);
    if (next !== repeat) {
      setError(new Error(t('settings.passphrase.mismatch')));
      return;
    }
    setBusy(true);
    try {
      await api.call('users.changePassphrase', { username: user.username, currentPassphrase: current, newPassphrase: next });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t('settings.passphrase.title')}</h2>
      <form onSubmit={(event) => void submit(event)} className="form-grid">
        {/* Lets password managers know whose passphrase this is. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Field label={t('settings.passphrase.current')}>
          <input type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
        </Field>
        <Field label={t('settings.passphrase.new')} hint={t('settings.passphrase.hint')}>
          <input type="password" autoComplete="new-password" required value={next} onChange={(event) => setNext(event.target.value)} />
        </Field>
        <Field label={t('settings.passphrase.repeat')}>
          <input type="password" autoComplete="new-password" required value={repeat} onChange={(event) => setRepeat(event.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('settings.passphrase.change')}
          </button>
          {done && <span className="inline-ok">{t('settings.passphrase.changed')}</span>}
        </div>
      </form>
      <ErrorNotice error={error} />
    </section>
  );
}
