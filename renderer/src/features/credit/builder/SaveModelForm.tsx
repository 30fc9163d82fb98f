import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { flaggedHandBins, type DevelopmentReport, type ModelSummary } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useCreditAddress } from '../credit-address.ts';
import { FlaggedBinsList } from './FlaggedBinsList.tsx';

interface Props {
  readonly jobId: string;
  /** The development: without a scorecard (no convergence, one class) there is nothing to save. */
  readonly report: DevelopmentReport;
  /** Bin edits not yet refitted: they are not in this development's scorecard. */
  readonly pendingEdits: number;
}

/**
 * Keep this development's scorecard as a draft model; a compliance user approves and activates it. Flagged bins of
 * features binned by hand are listed, and saved only when the author accepts them knowingly (main checks it too and
 * keeps the acceptance with the model).
 */
export function SaveModelForm({ jobId, report, pendingEdits }: Props) {
  const { t } = useTranslation();
  const { open } = useCreditAddress();
  const saveable = report.scorecard !== null;
  const flagged = flaggedHandBins(report);
  const [accepted, setAccepted] = useState(false);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<ModelSummary | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      setSaved(await api.call('credit.saveModel', { jobId, name: name.trim(), ...(flagged.length > 0 ? { acceptFlaggedBins: accepted } : {}) }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="subsection" onSubmit={(event) => void submit(event)} data-testid="save-model">
      <h3>{t('credit.save.title')}</h3>
      {!saveable && <p className="muted small">{t('credit.save.nothing')}</p>}
      {pendingEdits > 0 && <p className="notice">{t('credit.save.pendingEdits', { count: pendingEdits })}</p>}
      {saveable && flagged.length > 0 && (
        <div className="notice" data-testid="flagged-bins">
          <p>{t('credit.diagnostics.acceptance.intro', { count: flagged.length })}</p>
          <FlaggedBinsList bins={flagged} binnings={report.features.map((feature) => feature.binning)} />
          <label className="checkbox-field">
            <input type="checkbox" checked={accepted} onChange={(event) => setAccepted(event.target.checked)} disabled={saved !== null} />
            {t('credit.diagnostics.acceptance.accept')}
          </label>
        </div>
      )}
      <div className="form-row">
        <Field label={t('credit.save.name')}>
          <input required value={name} onChange={(event) => setName(event.target.value)} disabled={!saveable || saved !== null} />
        </Field>
        <button type="submit" className="button button-primary" disabled={!saveable || saving || saved !== null || name.trim() === '' || (flagged.length > 0 && !accepted)}>
          {t('credit.save.button')}
        </button>
      </div>
      {saved && (
        <p className="notice notice-ok" role="status">
          {t('credit.save.saved', { name: saved.name })}{' '}
          <button type="button" className="link-button" onClick={() => open('models')}>
            {t('credit.save.openModels')}
          </button>
        </p>
      )}
      <ErrorNotice error={error} />
    </form>
  );
}
