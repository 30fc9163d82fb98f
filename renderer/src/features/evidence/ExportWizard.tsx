import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceExport, EvidencePreview, EvidenceScope } from '../../../../preload/contract/evidence.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { refusalProblems } from '../../components/field-problems.ts';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { lastMonthDates } from '../reports/report-period.ts';
import { emptyScopeForm, readScope, type ScopeForm } from './evidence-scope.ts';
import { ExportPreview } from './ExportPreview.tsx';
import { ExportResult } from './ExportResult.tsx';
import { ScopeFields } from './ScopeFields.tsx';

const STEPS = ['scope', 'preview', 'export'] as const;
type Step = (typeof STEPS)[number];

/**
 * An evidence pack in three steps: the scope (a period, optionally narrowed to ids), a preview of what the pack will
 * hold, then the export as a job with progress and cancel, and the pack to save. Each step is a form, so Enter moves
 * on when the step is complete; Back returns to the step before without losing what was typed.
 */
export function ExportWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('scope');
  const [form, setForm] = useState<ScopeForm>(() => emptyScopeForm(lastMonthDates(new Date())));
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [preview, setPreview] = useState<EvidencePreview | null>(null);
  const [exported, setExported] = useState<EvidenceExport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const runner = useJobRunner();

  const toPreview = async (event: FormEvent) => {
    event.preventDefault();
    const read = readScope(t, form);
    setProblems(read.problems ?? new Map());
    if (!read.scope) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.call('evidence.preview', read.scope));
      setStep('preview');
    } catch (failure) {
      setProblems(refusalProblems(failure));
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const startExport = async (scope: EvidenceScope) => {
    setExported(null);
    setStep('export');
    const done = await runner.start(() => api.call('evidence.startExport', scope));
    if (!done || done.error) return;
    // A job caught up after a dropped connection carries no result: the newest export is this one.
    const result = resultOf(done, 'evidence-export') ?? (await api.call('evidence.exports').catch(() => []))[0] ?? null;
    setExported(result);
  };

  const restart = () => {
    runner.reset();
    setExported(null);
    setStep('scope');
  };

  return (
    <div className="evidence-wizard" data-testid="export-wizard" data-step={step}>
      <ol className="wizard-steps" aria-label={t('evidence.stepsLabel')}>
        {STEPS.map((id, index) => (
          <li key={id} className={id === step ? 'wizard-step active' : 'wizard-step'} aria-current={id === step ? 'step' : undefined}>
            {index + 1}. {t(`evidence.steps.${id}`)}
          </li>
        ))}
      </ol>
      {step === 'scope' && (
        <form className="panel" onSubmit={(event) => void toPreview(event)} noValidate data-testid="scope-step">
          <ScopeFields form={form} problems={problems} onChange={setForm} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('evidence.next')}
            </button>
            <span className="muted small">{t('evidence.enterHint')}</span>
          </div>
          <ErrorNotice error={error} />
        </form>
      )}
      {step === 'preview' && preview && (
        <form
          className="panel"
          onSubmit={(event) => {
            event.preventDefault();
            void startExport(preview.scope);
          }}
          data-testid="preview-step"
        >
          <ExportPreview preview={preview} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep('scope')}>
              {t('evidence.back')}
            </button>
            <button type="submit" className="button button-primary" autoFocus>
              {t('evidence.preview.exportButton')}
            </button>
          </div>
        </form>
      )}
      {step === 'export' && <ExportResult runner={runner} exported={exported} onBack={() => setStep('preview')} onRestart={restart} />}
    </div>
  );
}
