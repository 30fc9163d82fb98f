import { useTranslation } from 'react-i18next';
import type { RuleSetVersion } from '../../../../preload/contract/fraud-rules.ts';
import { LifecycleBadge } from '../../components/lifecycle/LifecycleBadge.tsx';
import { VersionByline } from '../../components/lifecycle/VersionByline.tsx';

/** One rule set version, read-only: its thresholds, then its rules in the order they are listed when they fire. */
export function RuleSetView({ version }: { version: RuleSetVersion }) {
  const { t } = useTranslation();
  const { rules, thresholds } = version.ruleSet;
  return (
    <section className="panel" aria-labelledby="rule-set-title" data-testid="rule-set" data-version={version.version}>
      <div className="panel-head">
        <h2 id="rule-set-title">{t('rules.view.title', { version: version.version })}</h2>
        <LifecycleBadge status={version.status} />
      </div>
      <VersionByline row={version} />
      <p className="small" data-testid="thresholds">
        {t('rules.view.thresholds', { review: thresholds.review, block: thresholds.block })}
      </p>
      {rules.length === 0 && <p className="muted">{t('rules.view.empty')}</p>}
      <div className="table-scroll">
        <table className="table table-compact rule-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('rules.fields.id')}</th>
              <th scope="col">{t('rules.fields.description')}</th>
              <th scope="col">{t('rules.fields.expression')}</th>
              <th scope="col" className="num">{t('rules.fields.score')}</th>
              <th scope="col">{t('rules.fields.action')}</th>
              <th scope="col">{t('rules.fields.enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={rule.id} data-rule-id={rule.id} className={rule.enabled ? undefined : 'muted'}>
                <td>{index + 1}</td>
                <th scope="row">
                  <code>{rule.id}</code>
                </th>
                <td className="cell-wrap">{rule.description}</td>
                <td className="cell-wrap">
                  <code className="rule-expression">{rule.expression}</code>
                </td>
                <td className="num">{rule.score}</td>
                <td>{t(`rules.actions.${rule.action}`)}</td>
                <td>{rule.enabled ? t('rules.view.on') : t('rules.view.off')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
