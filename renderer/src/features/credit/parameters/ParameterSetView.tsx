import { useTranslation } from 'react-i18next';
import type { ParameterSet } from '../../../../../preload/contract/index.ts';
import { codeLabel } from '../../../components/code-labels.ts';
import { LifecycleBadge } from '../../../components/lifecycle/LifecycleBadge.tsx';
import { VersionByline } from '../../../components/lifecycle/VersionByline.tsx';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { DPD_MULTIPLIER_BUCKETS } from './parameter-draft.ts';

/** One parameter set, read-only: master scale, DPD overlay, staging, LGD, CCF and pricing. */
export function ParameterSetView({ set }: { set: ParameterSet }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { parameters: p } = set;
  const percent = (rate: number) => formatPercent(rate, locale);
  const any = (value: string | null) => value ?? <span className="muted">{t('credit.parameters.any')}</span>;

  return (
    <section className="panel" aria-labelledby="set-title" data-testid="parameter-set">
      <div className="panel-head">
        <h2 id="set-title">{t('credit.parameters.version', { version: set.version })}</h2>
        <LifecycleBadge status={set.status} />
      </div>
      <VersionByline row={set} />
      <div className="parameter-grid">
        <div>
          <h3>{t('credit.parameters.masterScale')}</h3>
          <table className="table table-compact" data-testid="master-scale">
            <thead>
              <tr>
                <th scope="col">{t('credit.risk.grade')}</th>
                <th scope="col" className="num">{t('credit.parameters.pdFrom')}</th>
                <th scope="col" className="num">{t('credit.parameters.pdTo')}</th>
              </tr>
            </thead>
            <tbody>
              {p.masterScale.map((entry, index) => (
                <tr key={entry.grade}>
                  <th scope="row">{entry.grade}</th>
                  <td className="num">{percent(p.masterScale[index - 1]?.maxPd ?? 0)}</td>
                  <td className="num">{percent(entry.maxPd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('credit.parameters.dpdMultipliers')}</h3>
          <table className="table table-compact">
            <tbody>
              {DPD_MULTIPLIER_BUCKETS.map((bucket) => (
                <tr key={bucket}>
                  <th scope="row">{codeLabel(t, 'buckets', bucket)}</th>
                  <td className="num">× {p.dpdOddsMultiplier[bucket]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('credit.parameters.staging')}</h3>
          <p className="small">{t('credit.parameters.stagingRule', { sicrDpd: p.staging.sicrDpd, multiple: p.staging.sicrPdMultiple, impairedDpd: p.staging.impairedDpd })}</p>
          <h3>{t('credit.parameters.pricing')}</h3>
          <p className="small">
            {t('credit.parameters.pricingRule', { funding: percent(p.pricing.fundingCost), operating: percent(p.pricing.operatingCost), margin: percent(p.pricing.margin) })}
          </p>
          <h3>{t('credit.parameters.alerts')}</h3>
          <ul className="small" data-testid="alert-thresholds">
            <li>{t('credit.parameters.alertStage', { stage2: t(`credit.parameters.severities.${p.alerts.stageMigration.stage2}`), stage3: t(`credit.parameters.severities.${p.alerts.stageMigration.stage3}`) })}</li>
            <li>{t('credit.parameters.alertGrade', { notches: p.alerts.gradeDrop.notches, severity: t(`credit.parameters.severities.${p.alerts.gradeDrop.severity}`) })}</li>
            {p.alerts.dpdThresholds.map((threshold) => (
              <li key={threshold.days}>{t('credit.parameters.alertDpd', { days: threshold.days, severity: t(`credit.parameters.severities.${threshold.severity}`) })}</li>
            ))}
            <li>{t('credit.parameters.alertExposure', { limit: formatCount(p.alerts.borrowerExposure.limitMinor, locale), severity: t(`credit.parameters.severities.${p.alerts.borrowerExposure.severity}`) })}</li>
            <li>{t('credit.parameters.alertMonitoring', { psi: p.alerts.monitoring.scorePsi, csi: p.alerts.monitoring.featureCsi, severity: t(`credit.parameters.severities.${p.alerts.monitoring.severity}`) })}</li>
          </ul>
        </div>
        <div>
          <h3>{t('credit.parameters.lgd')}</h3>
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('credit.parameters.columns.product')}</th>
                <th scope="col">{t('credit.parameters.columns.collateralType')}</th>
                <th scope="col" className="num">{t('credit.parameters.columns.lgd')}</th>
              </tr>
            </thead>
            <tbody>
              {p.lgd.rules.map((rule, index) => (
                <tr key={index}>
                  <td>{any(rule.product)}</td>
                  <td>{any(rule.collateralType)}</td>
                  <td className="num">{percent(rule.lgd)}</td>
                </tr>
              ))}
              <tr>
                <td colSpan={2} className="muted">
                  {t('credit.parameters.otherwise')}
                </td>
                <td className="num">{percent(p.lgd.default)}</td>
              </tr>
            </tbody>
          </table>
          <h3>{t('credit.parameters.ccf')}</h3>
          <table className="table table-compact">
            <tbody>
              {Object.entries(p.ccf.byProduct).map(([product, ccf]) => (
                <tr key={product}>
                  <th scope="row">{codeLabel(t, 'products', product)}</th>
                  <td className="num">{percent(ccf)}</td>
                </tr>
              ))}
              <tr>
                <td className="muted">{t('credit.parameters.otherwise')}</td>
                <td className="num">{percent(p.ccf.default)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
