import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/index.ts';
import { usePreferences, type ThemeChoice } from '../session/preferences.tsx';

const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/** Language and theme pickers, in the top bar and on the unlock screen. */
export function PreferenceControls() {
  const { t } = useTranslation();
  const { language, theme, setLanguage, setTheme } = usePreferences();
  return (
    <div className="preference-controls">
      <label className="compact-select">
        <span className="visually-hidden">{t('prefs.language')}</span>
        <select value={language} onChange={(event) => setLanguage(event.target.value as Language)} data-testid="language-select">
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`prefs.languages.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-select">
        <span className="visually-hidden">{t('prefs.theme')}</span>
        <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)} data-testid="theme-select">
          {THEMES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`prefs.themes.${choice}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
