import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Settings } from '../../../preload/contract/index.ts';
import { api } from '../api/client.ts';
import { i18n, LANGUAGE_KEY, type Language } from '../i18n/index.ts';
import { useSession } from './session-context.tsx';

export type ThemeChoice = Settings['theme'];
type EffectiveTheme = 'light' | 'dark';

const THEME_KEY = 'riskdesk.theme';

interface PreferencesValue {
  readonly language: Language;
  readonly theme: ThemeChoice;
  readonly effectiveTheme: EffectiveTheme;
  /** The Intl locale for numbers, money and dates. */
  readonly locale: string;
  setLanguage(language: Language): void;
  setTheme(theme: ThemeChoice): void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
}

function systemTheme(): EffectiveTheme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Language and theme. Before unlock they come from this machine (localStorage); once a user is signed in,
 * that user's settings in the workspace win, and changes are saved to both.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const [language, setLanguageState] = useState<Language>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
  const [theme, setThemeState] = useState<ThemeChoice>(storedTheme);
  const [system, setSystem] = useState<EffectiveTheme>(systemTheme);
  const unlockedAs = status?.state === 'unlocked' ? (status.user?.username ?? null) : null;

  const applyLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    void i18n.changeLanguage(next);
    setLanguageState(next);
  }, []);
  const applyTheme = useCallback((next: ThemeChoice) => {
    localStorage.setItem(THEME_KEY, next);
    setThemeState(next);
  }, []);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  // A choice made while the user's settings are on their way wins over what arrives.
  const choseMeanwhile = useRef(false);
  useEffect(() => {
    if (!unlockedAs) return;
    let live = true;
    choseMeanwhile.current = false;
    api.call('settings.get').then(
      (settings) => {
        if (!live || choseMeanwhile.current) return;
        applyLanguage(settings.language);
        applyTheme(settings.theme);
      },
      () => undefined, // keep this machine's choice; the settings screen reports errors itself
    );
    return () => {
      live = false;
    };
  }, [unlockedAs, applyLanguage, applyTheme]);

  const effectiveTheme = theme === 'system' ? system : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = effectiveTheme;
    document.body.dataset.agThemeMode = effectiveTheme;
  }, [effectiveTheme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const save = useCallback(
    (change: Partial<Settings>) => {
      if (unlockedAs) void api.call('settings.update', change).catch(() => undefined);
    },
    [unlockedAs],
  );

  const value = useMemo<PreferencesValue>(
    () => ({
      language,
      theme,
      effectiveTheme,
      locale: language === 'zh-CN' ? 'zh-CN' : 'en-US',
      setLanguage: (next) => {
        choseMeanwhile.current = true;
        applyLanguage(next);
        save({ language: next });
      },
      setTheme: (next) => {
        choseMeanwhile.current = true;
        applyTheme(next);
        save({ theme: next });
      },
    }),
    [language, theme, effectiveTheme, applyLanguage, applyTheme, save],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
