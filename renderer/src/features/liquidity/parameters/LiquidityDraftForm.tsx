import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_SEVERITIES } from '../../../../../preload/contract/alerts.ts';
import { LCR_HQLA_CATEGORIES, LCR_INFLOW_CATEGORIES, LCR_OUTFLOW_CATEGORIES, NSFR_ASF_CATEGORIES, NSFR_RSF_CATEGORIES, type LiquidityParameterSet } from '../../../../../preload/contract/liquidity.ts';
import { api } from '../../../api/client.ts';
import { EditableRows } from '../../../components/EditableRows.tsx';
import { Field } from '../../../components/Field.tsx';
import { refusalProblems } from '../../../components/field-problems.ts';
import { DraftFooter } from '../../../components/lifecycle/DraftFooter.tsx';
import { categoryName } from '../category-name.ts';
import { CategoryName } from '../CategoryName.tsx';
import {
  BLANK_PRODUCT,
  BLANK_SCENARIO,
  draftField,
  INDICATORS,
  MONTE_CARLO_FIELDS,
  PRODUCT_COLUMNS,
  readLiquidityDraft,
  SCENARIO_COLUMNS,
  toLiquidityDraft,
  type IndicatorDraft,
  type IndicatorKey,
  type LiquidityDraft,
} from './liquidity-draft.ts';

interface Props {
  readonly base: LiquidityParameterSet;
  readonly onSaved: (saved: LiquidityParameterSet) => void;
  readonly onCancel: () => void;
}

type FactorGroup = 'lcr' | 'asf' | 'rsf';
const FACTOR_PATH: Record<FactorGroup, string> = { lcr: 'lcr.factors', asf: 'nsfr.asf', rsf: 'nsfr.rsf' };

/** A new draft liquidity parameter set from an existing one; checked here with the contract's schema, then by main. */
export function LiquidityDraftForm({ base, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<LiquidityDraft>(() => toLiquidityDraft(base.parameters));
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readLiquidityDraft(t, draft);
    setProblems(read.ok ? new Map() : read.problems);
    if (!read.ok) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('liquidity.saveParameterSet', { parameters: read.parameters, note: read.note }));
    } catch (failure) {
      // A refusal that names fields is shown at them (and listed below); any other is shown as main words it.
      const refused = new Map([...refusalProblems(failure, 'parameters.')].map(([path, message]) => [draftField(path), message]));
      setProblems(refused);
      setError(refused.size > 0 ? null : failure);
    } finally {
      setSaving(false);
    }
  };

  const fieldLabel = (field: string): string => {
    const [head, second, third, fourth] = field.split('.');
    if (head === 'lcr' || head === 'nsfr') {
      const category = fourth ?? third ?? second ?? field;
      const name = categoryName(t, category);
      return name === null ? category : `${name} · ${category}`;
    }
    if (head === 'products' && third) return `${t('liquidity.parameters.products')} ${Number(second) + 1} · ${t(`liquidity.parameters.productColumns.${third as (typeof PRODUCT_COLUMNS)[number]}`)}`;
    if (head === 'scenarios' && third) return `${t('liquidity.parameters.scenarios')} ${Number(second) + 1} · ${t(`liquidity.scenario.fields.${third as (typeof SCENARIO_COLUMNS)[number]}`)}`;
    if (head === 'products') return t('liquidity.parameters.products');
    if (head === 'scenarios') return t('liquidity.parameters.scenarios');
    if (head === 'monteCarlo' && second) return t(`liquidity.monteCarlo.fields.${second as (typeof MONTE_CARLO_FIELDS)[number]}`);
    if (head === 'indicators' && second) return `${t(`liquidity.parameters.indicators.${second as IndicatorKey}`)}${third ? ` · ${t(`liquidity.parameters.indicatorParts.${third as keyof IndicatorDraft}`)}` : ''}`;
    if (head === 'note') return t('lifecycle.draft.note');
    return field;
  };

  const factors = (group: FactorGroup, categories: readonly string[]) => (
    <div className="form-row factor-grid">
      {categories.map((category) => (
        <Field key={category} label={<CategoryName category={category} />} problem={problems.get(`${FACTOR_PATH[group]}.${category}`)}>
          <input
            className="input-narrow"
            inputMode="decimal"
            value={(draft[group] as Readonly<Record<string, string>>)[category] ?? ''}
            onChange={(event) => setDraft({ ...draft, [group]: { ...draft[group], [category]: event.target.value } })}
          />
        </Field>
      ))}
    </div>
  );

  const setIndicator = (key: IndicatorKey, change: Partial<IndicatorDraft>) => setDraft({ ...draft, indicators: { ...draft.indicators, [key]: { ...draft.indicators[key], ...change } } });
  const indicatorName = (key: IndicatorKey) => t(`liquidity.parameters.indicators.${key}`);
  const scenarioNames = draft.scenarios.map((scenario) => scenario.name.trim()).filter((name) => name !== '');

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="liquidity-draft-title" data-testid="liquidity-parameter-draft">
      <h2 id="liquidity-draft-title">{t('liquidity.parameters.newDraftFrom', { version: base.version })}</h2>
      <p className="small muted">{t('liquidity.parameters.factorsNote')}</p>
      <h3>{t('liquidity.parameters.lcrFactors')}</h3>
      <h4>{t('liquidity.lcr.sections.hqla')}</h4>
      {factors('lcr', LCR_HQLA_CATEGORIES)}
      <h4>{t('liquidity.lcr.sections.outflows')}</h4>
      {factors('lcr', LCR_OUTFLOW_CATEGORIES)}
      <h4>{t('liquidity.lcr.sections.inflows')}</h4>
      {factors('lcr', LCR_INFLOW_CATEGORIES)}
      <h3>{t('liquidity.parameters.nsfrFactors')}</h3>
      <h4>{t('liquidity.nsfr.asf')}</h4>
      {factors('asf', NSFR_ASF_CATEGORIES)}
      <h4>{t('liquidity.nsfr.rsf')}</h4>
      {factors('rsf', NSFR_RSF_CATEGORIES)}

      <h3>{t('liquidity.parameters.products')}</h3>
      <p className="small muted">{t('liquidity.parameters.productsNote')}</p>
      {problems.get('products') && <p className="field-problem">{problems.get('products')}</p>}
      <EditableRows
        rows={draft.products}
        columns={PRODUCT_COLUMNS.map((key) => ({ key, label: t(`liquidity.parameters.productColumns.${key}`), narrow: key !== 'product', ...(key === 'termDays' ? { placeholder: t('liquidity.parameters.noTerm') } : {}) }))}
        idPrefix="products"
        invalid={problems}
        blank={BLANK_PRODUCT}
        addLabel={t('liquidity.parameters.addProduct')}
        onChange={(products) => setDraft({ ...draft, products })}
      />

      <h3>{t('liquidity.parameters.scenarios')}</h3>
      <p className="small muted">{t('liquidity.parameters.scenariosNote')}</p>
      {problems.get('scenarios') && <p className="field-problem">{problems.get('scenarios')}</p>}
      <div className="table-scroll" data-testid="scenario-rows">
        <EditableRows
          rows={draft.scenarios}
          columns={SCENARIO_COLUMNS.map((key) => ({ key, label: t(`liquidity.scenario.fields.${key}`), narrow: key !== 'name' && key !== 'description' }))}
          idPrefix="scenarios"
          invalid={problems}
          blank={BLANK_SCENARIO}
          addLabel={t('liquidity.parameters.addScenario')}
          onChange={(scenarios) => setDraft({ ...draft, scenarios })}
        />
      </div>

      <h3>{t('liquidity.parameters.monteCarlo')}</h3>
      <div className="form-row">
        {MONTE_CARLO_FIELDS.map((field) => (
          <Field key={field} label={t(`liquidity.monteCarlo.fields.${field}`)} problem={problems.get(`monteCarlo.${field}`)}>
            <input className="input-narrow" inputMode="decimal" value={draft.monteCarlo[field]} onChange={(event) => setDraft({ ...draft, monteCarlo: { ...draft.monteCarlo, [field]: event.target.value } })} />
          </Field>
        ))}
      </div>

      <h3>{t('liquidity.parameters.indicatorsTitle')}</h3>
      {INDICATORS.map((key) => {
        const entry = draft.indicators[key];
        return (
          <div key={key} className="form-row" data-indicator={key}>
            <Field label={`${indicatorName(key)} · ${t('liquidity.parameters.indicatorParts.threshold')}`} problem={problems.get(`indicators.${key}.threshold`)}>
              <input className="input-narrow" inputMode="decimal" value={entry.threshold} onChange={(event) => setIndicator(key, { threshold: event.target.value })} />
            </Field>
            <Field label={`${indicatorName(key)} · ${t('liquidity.parameters.indicatorParts.severity')}`}>
              <select value={entry.severity} onChange={(event) => setIndicator(key, { severity: ALERT_SEVERITIES.find((severity) => severity === event.target.value) ?? entry.severity })}>
                {ALERT_SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {t(`liquidity.indicators.severities.${severity}`)}
                  </option>
                ))}
              </select>
            </Field>
            {entry.historyDays !== undefined && (
              <Field label={`${indicatorName(key)} · ${t('liquidity.parameters.indicatorParts.historyDays')}`} problem={problems.get(`indicators.${key}.historyDays`)}>
                <input className="input-narrow" inputMode="numeric" value={entry.historyDays} onChange={(event) => setIndicator(key, { historyDays: event.target.value })} />
              </Field>
            )}
            {entry.scenario !== undefined && (
              <Field label={`${indicatorName(key)} · ${t('liquidity.parameters.indicatorParts.scenario')}`} problem={problems.get(`indicators.${key}.scenario`)}>
                <select value={entry.scenario} onChange={(event) => setIndicator(key, { scenario: event.target.value })}>
                  {!scenarioNames.includes(entry.scenario) && <option value={entry.scenario}>{entry.scenario || '—'}</option>}
                  {scenarioNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </div>
        );
      })}

      <DraftFooter
        note={draft.note}
        onNote={(note) => setDraft({ ...draft, note })}
        noteInvalid={problems.has('note')}
        saving={saving}
        onCancel={onCancel}
        problems={[...problems].map(([field, message]) => `${fieldLabel(field)}: ${message}`)}
        error={error}
      />
    </form>
  );
}
