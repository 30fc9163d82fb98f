import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentOptions } from '../../../../../preload/contract/index.ts';
import { Field } from '../../../components/Field.tsx';
import { parseOptions, type NumericOption, type OptionsDraft } from './development-options.ts';

interface Props {
  readonly draft: OptionsDraft;
  /** Feature names offered by earlier developments (none before the first). */
  readonly candidates: readonly string[];
  readonly running: boolean;
  readonly onChange: (draft: OptionsDraft) => void;
  readonly onDevelop: (options: DevelopmentOptions) => void;
}

const NUMERIC: readonly { field: NumericOption; step: string }[] = [
  { field: 'holdoutPercent', step: '1' },
  { field: 'seed', step: '1' },
  { field: 'minBinSharePercent', step: '0.5' },
  { field: 'ivThreshold', step: '0.01' },
  { field: 'maxCorrelation', step: '0.05' },
  { field: 'pValueThreshold', step: '0.01' },
];

/** The score scale: the points table and every score follow it. */
const SCALE: readonly { field: NumericOption; step: string }[] = [
  { field: 'pdo', step: '1' },
  { field: 'baseScore', step: '1' },
  { field: 'baseOdds', step: '1' },
];

/** How to develop: sample split, binning and selection thresholds, features to leave out. */
export function DevelopmentOptionsForm({ draft, candidates, running, onChange, onDevelop }: Props) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState<readonly NumericOption[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseOptions(draft);
    setInvalid(parsed.ok ? [] : parsed.invalid);
    if (parsed.ok) onDevelop(parsed.options);
  };
  const numberField = (field: NumericOption, step: string) => (
    <Field key={field} label={t(`credit.options.${field}`)} hint={t(`credit.options.hints.${field}`)}>
      <input
        className="input-narrow"
        type="number"
        step={step}
        value={draft[field]}
        aria-invalid={invalid.includes(field)}
        onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
      />
    </Field>
  );
  const toggleExcluded = (name: string, excluded: boolean) =>
    onChange({ ...draft, exclude: excluded ? [...draft.exclude, name] : draft.exclude.filter((other) => other !== name) });

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="options-title" data-testid="development-options">
      <h2 id="options-title">{t('credit.options.title')}</h2>
      <div className="form-row">
        {NUMERIC.map(({ field, step }) => numberField(field, step))}
        <label className="checkbox-field">
          <input type="checkbox" checked={draft.monotonic} onChange={(event) => onChange({ ...draft, monotonic: event.target.checked })} />
          {t('credit.options.monotonic')}
        </label>
      </div>
      <div className="form-row" role="group" aria-label={t('credit.scale.title')} data-testid="score-scale">
        {SCALE.map(({ field, step }) => numberField(field, step))}
        <label className="checkbox-field">
          <input type="checkbox" checked={draft.roundPoints} onChange={(event) => onChange({ ...draft, roundPoints: event.target.checked })} />
          {t('credit.scale.roundPoints')}
        </label>
        <button type="submit" className="button button-primary" disabled={running} data-testid="develop">
          {running ? t('credit.options.developing') : t('credit.options.develop')}
        </button>
      </div>
      {invalid.length > 0 && (
        <p className="notice notice-error" role="alert">
          {t('credit.options.invalid', { fields: invalid.map((field) => t(`credit.options.${field}`)).join(', ') })}
        </p>
      )}
      <details className="exclude-list">
        <summary>{t('credit.options.exclude', { count: draft.exclude.length })}</summary>
        {candidates.length === 0 ? (
          <p className="muted small">{t('credit.options.excludeLater')}</p>
        ) : (
          <div className="check-grid" role="group" aria-label={t('credit.options.excludeLabel')}>
            {candidates.map((name) => (
              <label key={name} className="menu-check mono">
                <input type="checkbox" checked={draft.exclude.includes(name)} onChange={(event) => toggleExcluded(name, event.target.checked)} />
                {name}
              </label>
            ))}
          </div>
        )}
      </details>
    </form>
  );
}
