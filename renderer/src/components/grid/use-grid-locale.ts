import { useTranslation } from 'react-i18next';

/** AG Grid's own words (filter menus, loading, no rows) in the app's language. */
export function useGridLocaleText(): Record<string, string> {
  const { t } = useTranslation();
  return t('agGrid', { returnObjects: true });
}
