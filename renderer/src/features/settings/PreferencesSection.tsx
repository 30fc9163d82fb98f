import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { LANGUAGES, type Language } from '../../i18n/index.ts';
import { usePreferences, type ThemeChoice } from '../../session/preferences.tsx';
import { useUnlocked } from '../../session/session-context.tsx';

const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

export function PreferencesSection() {
  const { t } = useTranslation();
  const { language, theme, setLanguage, setTheme } = usePreferences();
  const { idleLockMinutes } = useUnlocked();
  const [minutes, setMinutes] = useState(String(idleLockMinutes));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.call('settings.get').then((settings) => setMinutes(String(settings.idleLockMinutes)), setError);
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const settings = await api.call('settings.update', { idleLockMinutes: Number(minutes) });
      setMinutes(String(settings.idleLockMinutes));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('settings.prefs.title')}</h2>
      <div className="form-grid">
        <Field label={t('prefs.language')}>
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`prefs.languages.${code}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('prefs.theme')}>
          <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
            {THEMES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`prefs.themes.${choice}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <form className="form-row" onSubmit={(event) => void save(event)}>
        <Field label={t('settings.prefs.idleLock')} hint={t('settings.prefs.idleLockHint')}>
          <input type="number" min={1} max={480} step={1} required value={minutes} onChange={(event) => setMinutes(event.target.value)} className="input-narrow" />
        </Field>
        <button type="submit" className="button">
          {t('common.save')}
        </button>
        {saved && <span className="inline-ok">{t('common.saved')}</span>}
      </form>
      <ErrorNotice error={error} />
    </section>
  );
}
