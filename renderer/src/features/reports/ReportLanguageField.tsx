import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../preload/contract/reports.ts';
import { Field } from '../../components/Field.tsx';

/** The language a report is written in: one of the app's own languages, named as the preferences name them. */
export function ReportLanguageField({ label, value, onChange }: { label: string; value: ReportLanguage; onChange: (language: ReportLanguage) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={label}>
      <select value={value} onChange={(event) => onChange(event.target.value as ReportLanguage)}>
        {REPORT_LANGUAGES.map((option) => (
          <option key={option} value={option}>
            {t(`prefs.languages.${option}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
