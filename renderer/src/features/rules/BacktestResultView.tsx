import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BacktestExample, BacktestResult, BacktestSummary, StoredBacktest } from '../../../../preload/contract/fraud-backtests.ts';
import { formatCount, formatMoney, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { BacktestPerDayChart, BacktestRuleChart } from './BacktestCharts.tsx';
import { formatRate, usePeriodLabel } from './backtest-format.ts';

/** The headline's rows, in the order a reviewer reads them: how much is flagged, what it costs, how much is right. */
const HEADLINE = ['flagged', 'review', 'block', 'flaggedMinor', 'truePositives', 'precision', 'recall'] as const;
type HeadlineKey = (typeof HEADLINE)[number];

/**
 * One stored backtest in full: what it covered, the headline beside the version active at the time, alerts per day,
 * each rule's part (and where rules fire together), and the alerts gained and lost against the active version.
 */
export function BacktestResultView({ stored }: { stored: StoredBacktest }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const period = usePeriodLabel();
  const { result } = stored;
  return (
    <div className="credit-stack" data-testid="backtest-result" data-backtest-id={stored.backtestId}>
      <section className="panel" aria-labelledby="backtest-headline-title">
        <h2 id="backtest-headline-title">{t('rules.backtests.result.title', { id: stored.backtestId, version: result.version })}</h2>
        <p className="small" data-testid="backtest-scope">
          {t('rules.backtests.result.scope', {
            period: period(result),
            transactions: formatCount(result.transactions, locale),
            fraud: formatCount(result.labels.fraud, locale),
            legit: formatCount(result.labels.legit, locale),
            fromCases: formatCount(result.labels.fromCases, locale),
          })}
        </p>
        <p className="muted small">{t('rules.backtests.result.byline', { who: stored.startedBy, when: formatTimestamp(stored.finishedAt) })}</p>
        <Headline result={result} />
      </section>
      <section className="panel" aria-labelledby="backtest-per-day-title">
        <h2 id="backtest-per-day-title">{t('rules.backtests.perDay.title')}</h2>
        {result.perDay.length === 0 ? <p className="muted">{t('rules.backtests.perDay.none')}</p> : <BacktestPerDayChart result={result} />}
      </section>
      <section className="panel" aria-labelledby="backtest-rules-title">
        <h2 id="backtest-rules-title">{t('rules.backtests.rules.title')}</h2>
        <RuleTable result={result} />
        {result.rules.length > 0 && <BacktestRuleChart rules={result.rules} />}
      </section>
      <section className="panel" aria-labelledby="backtest-overlaps-title">
        <h2 id="backtest-overlaps-title">{t('rules.backtests.overlaps.title')}</h2>
        <p className="muted small">{t('rules.backtests.overlaps.explain')}</p>
        <OverlapTable overlaps={result.overlaps} />
      </section>
      {result.diff && result.baselineVersion !== null && (
        <section className="panel" aria-labelledby="backtest-changes-title">
          <h2 id="backtest-changes-title">{t('rules.backtests.changes.title', { version: result.baselineVersion })}</h2>
          <Changes kind="gained" change={result.diff.gained} />
          <Changes kind="lost" change={result.diff.lost} />
        </section>
      )}
    </div>
  );
}

/** The candidate's figures beside the active version's, or the candidate's alone when nothing was active. */
function Headline({ result }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const value = (summary: BacktestSummary, key: HeadlineKey): string => {
    if (key === 'flaggedMinor') return formatMoney(summary.flaggedMinor, result.currency, locale);
    if (key === 'precision' || key === 'recall') return formatRate(summary[key], locale);
    return formatCount(summary[key], locale);
  };
  const sides = [
    { id: 'candidate', heading: t('rules.backtests.result.candidate', { version: result.version }), summary: result.candidate },
    ...(result.baseline && result.baselineVersion !== null ? [{ id: 'baseline', heading: t('rules.backtests.result.baseline', { version: result.baselineVersion }), summary: result.baseline }] : []),
  ];
  return (
    <>
      {!result.baseline && (
        <p className="notice" data-testid="no-baseline">
          {t('rules.backtests.result.noBaseline')}
        </p>
      )}
      <table className="table table-compact backtest-headline" data-testid="backtest-headline">
        <thead>
          <tr>
            <th scope="col">{t('rules.backtests.result.figure')}</th>
            {sides.map((side) => (
              <th key={side.id} scope="col" className="num">
                {side.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HEADLINE.map((key) => (
            <tr key={key} data-metric={key}>
              <th scope="row" title={t(`rules.backtests.hints.${key}`)}>
                {t(`rules.backtests.metrics.${key}`)}
              </th>
              {sides.map((side) => (
                <td key={side.id} className="num" data-side={side.id}>
                  {value(side.summary, key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Each enabled rule: what it fired on, how much of that was fraud, and what only it flagged. */
function RuleTable({ result }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (result.rules.length === 0) return <p className="muted">{t('rules.view.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="backtest-rules">
        <thead>
          <tr>
            <th scope="col">{t('rules.fields.id')}</th>
            <th scope="col" className="num">{t('rules.backtests.rules.hits')}</th>
            <th scope="col" className="num">{t('rules.backtests.rules.fraudHits')}</th>
            <th scope="col" className="num">{t('rules.backtests.metrics.precision')}</th>
            <th scope="col" className="num" title={t('rules.backtests.rules.marginalHint')}>
              {t('rules.backtests.rules.marginalFlagged')}
            </th>
            <th scope="col" className="num" title={t('rules.backtests.rules.marginalHint')}>
              {t('rules.backtests.rules.marginalFraud')}
            </th>
            <th scope="col" className="num">{t('rules.backtests.rules.money')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rules.map((rule) => (
            <tr key={rule.id} data-rule-id={rule.id}>
              <th scope="row">
                <code>{rule.id}</code>
              </th>
              <td className="num" data-column="hits">{formatCount(rule.hits, locale)}</td>
              <td className="num" data-column="fraudHits">{formatCount(rule.fraudHits, locale)}</td>
              <td className="num" data-column="precision">{formatRate(rule.precision, locale)}</td>
              <td className="num" data-column="marginalFlagged">{formatCount(rule.marginal.flagged, locale)}</td>
              <td className="num" data-column="marginalFraud">{formatCount(rule.marginal.fraud, locale)}</td>
              <td className="num" data-column="money">{formatMoney(rule.hitMinor, result.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * How often two rules fired on the same transaction. A cell's colour is its share of the row rule's hits (the
 * diagonal), so a rule that mostly fires together with another stands out along its row.
 */
function OverlapTable({ overlaps }: { overlaps: BacktestResult['overlaps'] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (overlaps.ids.length === 0) return <p className="muted">{t('rules.view.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact heat-table overlap-table" data-testid="backtest-overlaps">
        <thead>
          <tr>
            <th scope="col">{t('rules.fields.id')}</th>
            {overlaps.ids.map((id) => (
              <th key={id} scope="col" className="num">
                <code>{id}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overlaps.ids.map((rowId, row) => {
            const counts = overlaps.counts[row] ?? [];
            const hits = counts[row] ?? 0;
            return (
              <tr key={rowId}>
                <th scope="row">
                  <code>{rowId}</code>
                </th>
                {overlaps.ids.map((columnId, column) => {
                  const count = counts[column] ?? 0;
                  if (column === row) {
                    return (
                      <td key={columnId} className="num strong" title={t('rules.backtests.overlaps.hits', { id: rowId, count: formatCount(count, locale) })}>
                        {formatCount(count, locale)}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={columnId}
                      className="num heat"
                      style={{ '--share': (hits > 0 ? count / hits : 0).toFixed(3) } as CSSProperties}
                      title={t('rules.backtests.overlaps.cell', { a: rowId, b: columnId, count: formatCount(count, locale) })}
                    >
                      {formatCount(count, locale)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type Change = NonNullable<BacktestResult['diff']>['gained'];

/** Alerts this version adds (or drops) against the active one: how many, how many were fraud, the top examples. */
function Changes({ kind, change }: { kind: 'gained' | 'lost'; change: Change }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <div data-testid={`backtest-${kind}`}>
      <h3>{t(`rules.backtests.changes.${kind}`, { count: change.count, formatted: formatCount(change.count, locale), fraud: formatCount(change.fraud, locale) })}</h3>
      {change.examples.length > 0 && (
        <>
          <p className="muted small">{t(`rules.backtests.changes.${kind}Examples`, { shown: change.examples.length })}</p>
          <ExampleTable examples={change.examples} />
        </>
      )}
    </div>
  );
}

function ExampleTable({ examples }: { examples: readonly BacktestExample[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('rules.backtests.examples.txId')}</th>
            <th scope="col">{t('rules.backtests.examples.account')}</th>
            <th scope="col">{t('rules.backtests.examples.time')}</th>
            <th scope="col" className="num">{t('rules.backtests.examples.amount')}</th>
            <th scope="col" className="num">{t('rules.fields.score')}</th>
            <th scope="col">{t('rules.fields.action')}</th>
            <th scope="col">{t('rules.backtests.examples.rules')}</th>
            <th scope="col">{t('rules.backtests.examples.fraud')}</th>
          </tr>
        </thead>
        <tbody>
          {examples.map((example) => (
            <tr key={example.txId} data-tx-id={example.txId}>
              <th scope="row" className="mono">
                {example.txId}
              </th>
              <td className="mono">{example.accountId}</td>
              <td>{formatTimestamp(example.ts)}</td>
              <td className="num">{formatMoney(example.amountMinor, example.currency, locale)}</td>
              <td className="num">{formatCount(example.score, locale)}</td>
              <td>{t(`rules.actions.${example.action}`)}</td>
              <td className="cell-wrap">
                {example.rules.map((rule) => (
                  <code key={rule} className="backtest-rule-id">
                    {rule}
                  </code>
                ))}
              </td>
              <td className={example.fraud ? 'strong' : undefined}>{example.fraud ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
