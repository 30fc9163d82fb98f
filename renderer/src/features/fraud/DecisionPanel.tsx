import { useTranslation } from 'react-i18next';
import type { FiredRule, FraudDecision } from '../../../../preload/contract/fraud-views.ts';
import { useChartPalette } from '../../components/charts/palette.ts';
import { usePreferences } from '../../session/preferences.tsx';

/**
 * How a run decided a transaction: its score against the rule set's review and block thresholds, then each rule
 * that fired (in the rule set's order) with its description, its expression and the feature values it read.
 */
export function DecisionPanel({ decision }: { decision: FraudDecision | null }) {
  const { t } = useTranslation();
  if (!decision) {
    return (
      <div className="panel" data-testid="fraud-decision" data-action="none">
        <h2>{t('fraud.transaction.decision')}</h2>
        <p className="muted">{t('fraud.transaction.notFlagged')}</p>
      </div>
    );
  }
  const { thresholds } = decision;
  return (
    <div className="panel" data-testid="fraud-decision" data-action={decision.action}>
      <div className="panel-head">
        <h2>{t('fraud.transaction.decision')}</h2>
        <span className={`badge fraud-action-badge fraud-action-${decision.action}`}>{t(`fraud.actions.${decision.action}`)}</span>
      </div>
      <p className="muted small">
        {t('fraud.transaction.decidedBy', { run: decision.runId, asOf: decision.asOf, version: decision.ruleSetVersion ?? t('fraud.transaction.unknownVersion') })}
      </p>
      <p data-testid="fraud-score">
        {thresholds ? t('fraud.transaction.scoreLine', { score: decision.score, review: thresholds.review, block: thresholds.block }) : t('fraud.transaction.scoreOnly', { score: decision.score })}
      </p>
      {thresholds && <ScoreScale score={decision.score} review={thresholds.review} block={thresholds.block} />}
      {decision.ringId !== null && <p className="small">{t('fraud.transaction.ring', { size: decision.ringSize, ring: decision.ringId })}</p>}
      <h3>{t('fraud.transaction.rules')}</h3>
      <ol className="fraud-rules" data-testid="fraud-rules">
        {decision.rules.map((rule) => (
          <RuleExplanation key={rule.id} rule={rule} />
        ))}
      </ol>
    </div>
  );
}

/** The score on a bar from 0 to past the block threshold, the review and block thresholds marked. */
function ScoreScale({ score, review, block }: { score: number; review: number; block: number }) {
  const palette = useChartPalette();
  const top = Math.max(score, block) * 1.15 || 1;
  const at = (value: number) => `${Math.min(100, (Math.max(0, value) / top) * 100)}%`;
  const colour = score >= block ? palette.bad : score >= review ? palette.warn : palette.good;
  return (
    <div className="fraud-scale" role="img" aria-label={`${score} / ${review} / ${block}`}>
      <div className="fraud-scale-fill" style={{ width: at(score), background: colour }} />
      <div className="fraud-scale-mark" style={{ left: at(review), borderColor: palette.warn }} title={String(review)} />
      <div className="fraud-scale-mark" style={{ left: at(block), borderColor: palette.bad }} title={String(block)} />
    </div>
  );
}

/** Numbers to four decimals at most (a robust z of 13.740243944594999 reads as 13.7402); the rest as recorded. */
function featureValue(value: FiredRule['reads'][string], locale: string): string {
  if (value === null) return '—';
  return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(value) : String(value);
}

function RuleExplanation({ rule }: { rule: FiredRule }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const reads = Object.entries(rule.reads);
  return (
    <li className="fraud-rule" data-testid="fraud-rule" data-rule={rule.id}>
      <div className="fraud-rule-head">
        <span className="mono strong">{rule.id}</span>
        {rule.action && <span className={`badge fraud-action-badge fraud-action-${rule.action}`}>{t(`fraud.actions.${rule.action}`)}</span>}
        <span className="fraud-rule-score">{t('fraud.transaction.ruleScore', { score: rule.score })}</span>
      </div>
      <p>{rule.description ?? <span className="muted">{t('fraud.transaction.noDescription')}</span>}</p>
      {rule.expression !== null && <code className="fraud-expression">{rule.expression}</code>}
      {reads.length === 0 ? (
        <p className="muted small">{t('fraud.transaction.noReads')}</p>
      ) : (
        <table className="table table-compact fraud-reads">
          <caption className="muted small">{t('fraud.transaction.reads')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fraud.transaction.feature')}</th>
              <th scope="col">{t('fraud.transaction.value')}</th>
            </tr>
          </thead>
          <tbody>
            {reads.map(([feature, value]) => (
              <tr key={feature}>
                <td className="mono">{feature}</td>
                <td className="mono">{featureValue(value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
