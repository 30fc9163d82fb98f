import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { monteCarloRequestSchema, type MonteCarloRequest, type MonteCarloSettings } from '../../../../../preload/contract/liquidity.ts';
import { Field } from '../../../components/Field.tsx';
import { refusalProblems, schemaProblems } from '../../../components/field-problems.ts';

const REQUEST_FIELDS = ['paths', 'days', 'seed', 'blockDays', 'outflowMultiplier', 'subscriptionFactor'] as const;
type RequestField = (typeof REQUEST_FIELDS)[number];

interface Props {
  /** The active parameter set's settings: what an empty field means. */
  readonly defaults: MonteCarloSettings | undefined;
  readonly running: boolean;
  /** Main's refusal of the last request, shown at its fields. */
  readonly refusal: unknown;
  readonly onStart: (request: MonteCarloRequest) => void;
}

/** A simulation's settings; a field left empty takes the parameter set's default (the seed: main picks and records one). */
export function MonteCarloForm({ defaults, running, refusal, onStart }: Props) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Record<RequestField, string>>({ paths: '', days: '', seed: '', blockDays: '', outflowMultiplier: '', subscriptionFactor: '' });
  const [checked, setChecked] = useState<ReadonlyMap<string, string>>(new Map());
  const refused = refusalProblems(refusal);
  const problem = (field: RequestField) => checked.get(field) ?? refused.get(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = Object.fromEntries(REQUEST_FIELDS.flatMap((field) => (texts[field].trim() === '' ? [] : [[field, Number(texts[field].trim())]])));
    const parsed = monteCarloRequestSchema.safeParse(request);
    setChecked(parsed.success ? new Map() : schemaProblems(t, parsed.error.issues));
    if (parsed.success) onStart(parsed.data);
  };

  const placeholder = (field: RequestField): string | undefined => {
    if (field === 'seed') return t('liquidity.monteCarlo.randomSeed');
    const value = defaults?.[field];
    return value === undefined ? undefined : String(value);
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="monte-carlo-title" data-testid="monte-carlo-form">
      <h2 id="monte-carlo-title">{t('liquidity.monteCarlo.title')}</h2>
      <p className="small muted">{t('liquidity.monteCarlo.intro')}</p>
      <div className="form-row">
        {REQUEST_FIELDS.map((field) => (
          <Field key={field} label={t(`liquidity.monteCarlo.fields.${field}`)} problem={problem(field)}>
            <input className="input-narrow" inputMode="decimal" value={texts[field]} placeholder={placeholder(field)} onChange={(event) => setTexts({ ...texts, [field]: event.target.value })} />
          </Field>
        ))}
        <button type="submit" className="button button-primary" disabled={running} data-testid="start-monte-carlo">
          {running ? t('liquidity.monteCarlo.running') : t('liquidity.monteCarlo.start')}
        </button>
      </div>
    </form>
  );
}
