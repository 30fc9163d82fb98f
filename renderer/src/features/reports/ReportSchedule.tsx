import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allows } from '../../../../preload/contract/permissions.ts';
import { REPORT_FREQUENCIES, type ReportLanguage, type ReportSchedule as Schedule } from '../../../../preload/contract/reports.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { ReportLanguageField } from './ReportLanguageField.tsx';

type Frequency = Schedule['frequency'];

/** When reports are made by themselves: everyone sees it, compliance sets it. */
export function ReportSchedule() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canEdit = allows(user.role, 'reports.schedule');
  const current = useCall(() => api.call('reports.schedule'), []);
  const [frequency, setFrequency] = useState<Frequency>('off');
  const [language, setLanguage] = useState<ReportLanguage>('en');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!current.data) return;
    setFrequency(current.data.frequency);
    setLanguage(current.data.language);
  }, [current.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await api.call('reports.setSchedule', { frequency, language });
      setSaved(true);
      current.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const schedule = current.data;
  return (
    <section className="panel" aria-labelledby="schedule-title" data-testid="report-schedule">
      <h2 id="schedule-title">{t('reports.schedule.title')}</h2>
      <p className="muted small">{t('reports.schedule.explain')}</p>
      <ErrorNotice error={current.error} />
      {schedule && (
        <p data-testid="schedule-current">
          {t('reports.schedule.current', { frequency: t(`reports.schedule.frequencies.${schedule.frequency}`), language: t(`prefs.languages.${schedule.language}`) })}
          {schedule.setBy && schedule.setAt && <span className="muted small"> {t('reports.schedule.setBy', { by: schedule.setBy, when: formatTimestamp(schedule.setAt) })}</span>}
        </p>
      )}
      {!canEdit && <p className="muted small">{t('reports.schedule.readOnly')}</p>}
      {canEdit && schedule && (
        <form className="form-row" onSubmit={(event) => void submit(event)}>
          <Field label={t('reports.schedule.frequency')}>
            <select value={frequency} onChange={(event) => setFrequency(event.target.value as Frequency)}>
              {REPORT_FREQUENCIES.map((option) => (
                <option key={option} value={option}>
                  {t(`reports.schedule.frequencies.${option}`)}
                </option>
              ))}
            </select>
          </Field>
          <ReportLanguageField label={t('reports.schedule.language')} value={language} onChange={setLanguage} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
          {saved && <span className="inline-ok">{t('reports.schedule.saved')}</span>}
        </form>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
