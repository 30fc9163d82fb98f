import { useTranslation } from 'react-i18next';
import { LCR_HQLA_CATEGORIES, LCR_INFLOW_CATEGORIES, LCR_OUTFLOW_CATEGORIES, NSFR_ASF_CATEGORIES, NSFR_RSF_CATEGORIES, type LiquidityParameterSet } from '../../../../../preload/contract/liquidity.ts';
import { FactList } from '../../../components/FactList.tsx';
import { LifecycleBadge } from '../../../components/lifecycle/LifecycleBadge.tsx';
import { VersionByline } from '../../../components/lifecycle/VersionByline.tsx';
import { formatCount } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { CategoryName } from '../CategoryName.tsx';
import { INDICATORS, MONTE_CARLO_FIELDS, SCENARIO_COLUMNS, toLiquidityDraft } from './liquidity-draft.ts';

/** A category → factor table of one group. */
function FactorTable({ title, categories, factors }: { title: string; categories: readonly string[]; factors: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  return (
    <table className="table table-compact">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('liquidity.categories.category')}</th>
          <th scope="col" className="num">{t('liquidity.categories.factor')}</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((category) => (
          <tr key={category} data-category={category}>
            <th scope="row">
              <CategoryName category={category} />
            </th>
            <td className="num">{factors[category]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One liquidity parameter set, read-only: the LCR and NSFR factors, product terms, scenarios, Monte Carlo defaults and indicator thresholds. */
export function LiquidityParameterSetView({ set }: { set: LiquidityParameterSet }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const p = set.parameters;
  // The draft's rows are the scenarios' fields flattened, exactly as the scenario table shows them.
  const scenarioRows = toLiquidityDraft(p).scenarios;
  return (
    <section className="panel" aria-labelledby="liquidity-set-title" data-testid="liquidity-parameter-set">
      <div className="panel-head">
        <h2 id="liquidity-set-title">{t('liquidity.parameters.version', { version: set.version })}</h2>
        <LifecycleBadge status={set.status} />
      </div>
      <VersionByline row={set} />
      <h3>{t('liquidity.parameters.lcrFactors')}</h3>
      <div className="parameter-grid">
        <FactorTable title={t('liquidity.lcr.sections.hqla')} categories={LCR_HQLA_CATEGORIES} factors={p.lcr.factors} />
        <FactorTable title={t('liquidity.lcr.sections.outflows')} categories={LCR_OUTFLOW_CATEGORIES} factors={p.lcr.factors} />
        <FactorTable title={t('liquidity.lcr.sections.inflows')} categories={LCR_INFLOW_CATEGORIES} factors={p.lcr.factors} />
      </div>
      <h3>{t('liquidity.parameters.nsfrFactors')}</h3>
      <div className="parameter-grid">
        <FactorTable title={t('liquidity.nsfr.asf')} categories={NSFR_ASF_CATEGORIES} factors={p.nsfr.asf} />
        <FactorTable title={t('liquidity.nsfr.rsf')} categories={NSFR_RSF_CATEGORIES} factors={p.nsfr.rsf} />
      </div>
      <h3>{t('liquidity.parameters.products')}</h3>
      {p.products.length === 0 ? (
        <p className="muted small">{t('liquidity.parameters.noProducts')}</p>
      ) : (
        <table className="table table-compact" data-testid="product-terms">
          <thead>
            <tr>
              <th scope="col">{t('liquidity.parameters.productColumns.product')}</th>
              <th scope="col" className="num">{t('liquidity.parameters.productColumns.noticeDays')}</th>
              <th scope="col" className="num">{t('liquidity.parameters.productColumns.termDays')}</th>
            </tr>
          </thead>
          <tbody>
            {p.products.map((product) => (
              <tr key={product.product}>
                <th scope="row" className="mono">
                  {product.product}
                </th>
                <td className="num">{product.noticeDays}</td>
                <td className="num">{product.termDays ?? t('liquidity.parameters.noTerm')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('liquidity.parameters.scenarios')}</h3>
      <div className="table-scroll">
        <table className="table table-compact" data-testid="scenario-table">
          <thead>
            <tr>
              {SCENARIO_COLUMNS.map((column) => (
                <th key={column} scope="col" className={column === 'name' || column === 'description' ? undefined : 'num'}>
                  {t(`liquidity.scenario.fields.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scenarioRows.map((row) => (
              <tr key={row.name} data-scenario={row.name}>
                {SCENARIO_COLUMNS.map((column) =>
                  column === 'name' ? (
                    <th key={column} scope="row" className="mono">
                      {row.name}
                    </th>
                  ) : (
                    <td key={column} className={column === 'description' ? 'cell-wrap' : 'num'}>
                      {row[column]}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('liquidity.parameters.monteCarlo')}</h3>
      <FactList facts={MONTE_CARLO_FIELDS.map((field) => [t(`liquidity.monteCarlo.fields.${field}`), formatCount(p.monteCarlo[field], locale)] as const)} />
      <h3>{t('liquidity.parameters.indicatorsTitle')}</h3>
      <ul className="small" data-testid="indicator-thresholds">
        {INDICATORS.map((key) => {
          const entry = p.indicators[key];
          const extra = 'historyDays' in entry ? t('liquidity.parameters.overDays', { days: entry.historyDays }) : 'scenario' in entry ? t('liquidity.parameters.underScenario', { scenario: entry.scenario }) : '';
          return (
            <li key={key}>
              {t('liquidity.parameters.thresholdLine', { indicator: t(`liquidity.parameters.indicators.${key}`), threshold: entry.threshold, severity: t(`liquidity.indicators.severities.${entry.severity}`) })}
              {extra && ` ${extra}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
