import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { settingsSchema } from '../../../../preload/contract/methods.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { refusalProblems, schemaProblems } from '../../components/field-problems.ts';
import { LANGUAGES, type Language } from '../../i18n/index.ts';
import { usePreferences, type ThemeChoice } from '../../session/preferences.tsx';
import { useUnlocked } from '../../session/session-context.tsx';

const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'system'];
/** The contract's bounds, so the hint, the form's check and main's refusal say the same. */
const IDLE_LOCK = settingsSchema.shape.idleLockMinutes;

export function PreferencesSection() {
  const { t } = useTranslation();
  const { language, theme, setLanguage, setTheme } = usePreferences();
  const { idleLockMinutes } = useUnlocked();
  const [minutes, setMinutes] = useState(String(idleLockMinutes));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    api.call('settings.get').then((settings) => setMinutes(String(settings.idleLockMinutes)), setError);
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    // Checked here with the contract's schema, worded like every other form's, rather than left to the browser's bubble.
    const text = minutes.trim();
    const parsed = text === '' ? null : IDLE_LOCK.safeParse(Number(text));
    if (parsed === null || !parsed.success) {
      setProblem(parsed === null ? t('fieldProblems.required') : (schemaProblems(t, parsed.error.issues).get('') ?? t('fieldProblems.number')));
      return;
    }
    setProblem(undefined);
    try {
      const settings = await api.call('settings.update', { idleLockMinutes: parsed.data });
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
      <form className="form-row" onSubmit={(event) => void save(event)} noValidate>
        <Field label={t('settings.prefs.idleLock')} hint={t('settings.prefs.idleLockHint', { min: IDLE_LOCK.minValue, max: IDLE_LOCK.maxValue })} problem={problem ?? refusalProblems(error).get('idleLockMinutes')}>
          <input inputMode="numeric" value={minutes} onChange={(event) => setMinutes(event.target.value)} className="input-narrow" data-testid="idle-lock-minutes" />
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
