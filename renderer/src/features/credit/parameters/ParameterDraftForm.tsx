import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParameterSet } from '../../../../../preload/contract/index.ts';
import { COLLATERAL_TYPES, LOAN_PRODUCTS } from '../../../../../preload/contract/loan-vocabulary.ts';
import { api } from '../../../api/client.ts';
import { codeLabel } from '../../../components/code-labels.ts';
import { DraftFooter } from '../../../components/lifecycle/DraftFooter.tsx';
import { EditableRows } from '../../../components/EditableRows.tsx';
import { Field } from '../../../components/Field.tsx';
import { DPD_MULTIPLIER_BUCKETS, readDraft, toDraft, type DraftProblem, type ParametersDraft } from './parameter-draft.ts';

interface Props {
  readonly base: ParameterSet;
  readonly onSaved: (saved: ParameterSet) => void;
  readonly onCancel: () => void;
}

type ScalarField = 'sicrDpd' | 'sicrPdMultiple' | 'impairedDpd' | 'lgdDefault' | 'ccfDefault' | 'fundingCost' | 'operatingCost' | 'margin' | 'gradeDropNotches' | 'exposureLimitMinor' | 'monitoringScorePsi' | 'monitoringFeatureCsi';

/** A new draft parameter set, starting from an existing one; checked here first, then by main. */
export function ParameterDraftForm({ base, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ParametersDraft>(() => toDraft(base.parameters));
  const [problems, setProblems] = useState<readonly DraftProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invalid = new Set(problems.map((problem) => problem.field));
  // Codes are chosen, not typed: a misspelt one would match no loan and leave them all on the default.
  const productOptions = LOAN_PRODUCTS.map((code) => ({ value: code, label: codeLabel(t, 'products', code) }));
  const collateralOptions = COLLATERAL_TYPES.map((code) => ({ value: code, label: codeLabel(t, 'collateral', code) }));

  const fieldLabel = (field: string): string => {
    const [head, index, part] = field.split('.');
    if (head === 'masterScale') return t('credit.parameters.maxPdOf', { grade: index ?? '' });
    if (head === 'dpd') return t('credit.parameters.multiplierOf', { bucket: codeLabel(t, 'buckets', index ?? '') });
    if (head === 'lgdRules') return `${t('credit.parameters.lgdRules')} ${Number(index) + 1} · ${t(`credit.parameters.columns.${part as 'product' | 'collateralType' | 'lgd'}`)}`;
    if (head === 'ccf') return `${t('credit.parameters.ccfByProduct')} ${Number(index) + 1}`;
    if (head === 'alertDpd') return t('credit.parameters.alertDpdOf', { n: Number(index) + 1 });
    return t(`credit.parameters.fields.${head as ScalarField | 'note'}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readDraft(draft);
    setProblems(read.ok ? [] : read.problems);
    if (!read.ok) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('credit.saveParameterSet', { parameters: read.parameters, note: read.note }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const scalar = (field: ScalarField, unit?: string) => (
    <Field label={unit === undefined ? t(`credit.parameters.fields.${field}`) : `${t(`credit.parameters.fields.${field}`)} (${unit})`}>
      <input className="input-narrow" inputMode="decimal" value={draft[field]} aria-invalid={invalid.has(field)} onChange={(event) => setDraft({ ...draft, [field]: event.target.value })} />
    </Field>
  );

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="draft-title" data-testid="parameter-draft">
      <h2 id="draft-title">{t('credit.parameters.newDraftFrom', { version: base.version })}</h2>
      <h3>{t('credit.parameters.masterScale')}</h3>
      <div className="form-row">
        {draft.masterScale.map((entry, index) => (
          <Field key={entry.grade} label={`${entry.grade} (%)`}>
            <input
              className="input-narrow"
              inputMode="decimal"
              value={entry.maxPd}
              aria-label={t('credit.parameters.maxPdOf', { grade: entry.grade })}
              aria-invalid={invalid.has(`masterScale.${entry.grade}`)}
              onChange={(event) => setDraft({ ...draft, masterScale: draft.masterScale.map((other, at) => (at === index ? { ...other, maxPd: event.target.value } : other)) })}
            />
          </Field>
        ))}
      </div>
      <h3>{t('credit.parameters.dpdMultipliers')}</h3>
      <div className="form-row">
        {DPD_MULTIPLIER_BUCKETS.map((bucket) => (
          <Field key={bucket} label={`${codeLabel(t, 'buckets', bucket)} (×)`}>
            <input
              className="input-narrow"
              inputMode="decimal"
              value={draft.dpdOddsMultiplier[bucket]}
              aria-label={t('credit.parameters.multiplierOf', { bucket: codeLabel(t, 'buckets', bucket) })}
              aria-invalid={invalid.has(`dpd.${bucket}`)}
              onChange={(event) => setDraft({ ...draft, dpdOddsMultiplier: { ...draft.dpdOddsMultiplier, [bucket]: event.target.value } })}
            />
          </Field>
        ))}
      </div>
      <h3>{t('credit.parameters.staging')}</h3>
      <div className="form-row">
        {scalar('sicrDpd', t('credit.parameters.units.days'))}
        {scalar('sicrPdMultiple', '×')}
        {scalar('impairedDpd', t('credit.parameters.units.days'))}
      </div>
      <h3>{t('credit.parameters.lgd')}</h3>
      <div className="form-row">{scalar('lgdDefault', '%')}</div>
      <EditableRows
        rows={draft.lgdRules}
        columns={[
          { key: 'product', label: t('credit.parameters.columns.product'), placeholder: t('credit.parameters.any'), options: productOptions },
          { key: 'collateralType', label: t('credit.parameters.columns.collateralType'), placeholder: t('credit.parameters.any'), options: collateralOptions },
          { key: 'lgd', label: `${t('credit.parameters.columns.lgd')} (%)`, narrow: true },
        ]}
        idPrefix="lgdRules"
        invalid={invalid}
        blank={{ product: '', collateralType: '', lgd: '' }}
        addLabel={t('credit.parameters.addRule')}
        onChange={(lgdRules) => setDraft({ ...draft, lgdRules })}
      />
      <h3>{t('credit.parameters.ccf')}</h3>
      <div className="form-row">{scalar('ccfDefault', '%')}</div>
      <EditableRows
        rows={draft.ccfByProduct}
        columns={[
          { key: 'product', label: t('credit.parameters.columns.product'), placeholder: t('credit.parameters.choose'), options: productOptions },
          { key: 'ccf', label: `${t('credit.parameters.columns.ccf')} (%)`, narrow: true },
        ]}
        idPrefix="ccf"
        invalid={invalid}
        blank={{ product: '', ccf: '' }}
        addLabel={t('credit.parameters.addProduct')}
        onChange={(ccfByProduct) => setDraft({ ...draft, ccfByProduct })}
      />
      <h3>{t('credit.parameters.pricing')}</h3>
      <div className="form-row">
        {scalar('fundingCost', '%')}
        {scalar('operatingCost', '%')}
        {scalar('margin', '%')}
      </div>
      <h3>{t('credit.parameters.alerts')}</h3>
      <p className="small muted">{t('credit.parameters.alertSeveritiesKept')}</p>
      <div className="form-row">
        {draft.dpdThresholdDays.map((days, index) => (
          <Field key={index} label={`${t('credit.parameters.alertDpdOf', { n: index + 1 })} (${t('credit.parameters.units.days')})`}>
            <input
              className="input-narrow"
              inputMode="numeric"
              value={days}
              aria-invalid={invalid.has(`alertDpd.${index}`)}
              onChange={(event) => setDraft({ ...draft, dpdThresholdDays: draft.dpdThresholdDays.map((other, at) => (at === index ? event.target.value : other)) })}
            />
          </Field>
        ))}
        {scalar('gradeDropNotches', t('credit.parameters.units.notches'))}
        {scalar('exposureLimitMinor', t('credit.parameters.units.minor'))}
        {scalar('monitoringScorePsi')}
        {scalar('monitoringFeatureCsi')}
      </div>
      <DraftFooter
        note={draft.note}
        onNote={(note) => setDraft({ ...draft, note })}
        noteInvalid={invalid.has('note')}
        saving={saving}
        onCancel={onCancel}
        problems={problems.map((problem) => `${fieldLabel(problem.field)}: ${t(`credit.parameters.problems.${problem.key}`, problem.values)}`)}
        error={error}
      />
    </form>
  );
}
