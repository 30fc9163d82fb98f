import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredBacktest } from '../../../../preload/contract/fraud-backtests.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { formatCount, formatTimestamp } from '../../format/numbers.ts';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { BacktestResultView } from './BacktestResultView.tsx';
import { formatRate, usePeriodLabel } from './backtest-format.ts';
import { shownVersion } from './shown-version.ts';
import { VersionPicker } from './VersionPicker.tsx';

interface Props {
  /** The version the address names; else the active one, else the newest. */
  readonly version: number | null;
  /** The backtest the address names; else the version's newest. */
  readonly backtest: number | null;
  readonly onPick: (version: number, backtest: number | null) => void;
}

/**
 * Backtests of one rule set version (drafts too, which is what they are for): a new one over an optional period for
 * analysts and compliance, with its progress; the stored ones, newest first; and the one picked, in full.
 */
export function RuleBacktestsTab({ version, backtest, onPick }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const versions = useCall(() => api.call('rules.list'), []);
  const shown = versions.data ? shownVersion(versions.data, version) : undefined;
  const backtests = useCall(() => (shown ? api.call('rules.backtests', { version: shown.version }) : Promise.resolve([])), [shown?.version]);
  const selected = backtests.data ? (backtests.data.find((row) => row.backtestId === backtest) ?? backtests.data[0]) : undefined;

  return (
    <div className="credit-stack">
      <ErrorNotice error={versions.error ?? backtests.error} />
      {versions.data && versions.data.length === 0 && <p className="muted">{t('rules.none')}</p>}
      {shown && versions.data && (
        <section className="panel" aria-labelledby="backtest-start-title" data-testid="backtest-start">
          <h2 id="backtest-start-title">{t('rules.backtests.title', { version: shown.version })}</h2>
          <div className="form-row">
            <VersionPicker label={t('rules.backtests.version')} versions={versions.data} value={shown.version} onChange={(picked) => onPick(picked, null)} testId="backtest-version" />
          </div>
          {allows(user.role, 'rules.backtest') ? (
            <StartBacktest
              version={shown.version}
              onDone={(stored) => {
                backtests.reload();
                onPick(stored?.result.version ?? shown.version, stored?.backtestId ?? null);
              }}
            />
          ) : (
            <p className="muted small">{t('rules.backtests.readOnly')}</p>
          )}
        </section>
      )}
      {backtests.data && <BacktestList rows={backtests.data} selected={selected?.backtestId ?? null} onSelect={(id) => shown && onPick(shown.version, id)} />}
      {selected && <BacktestResultView stored={selected} />}
    </div>
  );
}

/** A new backtest of `version` over an optional period (either end open), followed to its end. */
function StartBacktest({ version, onDone }: { version: number; onDone: (stored: StoredBacktest | null) => void }) {
  const { t } = useTranslation();
  const runner = useJobRunner();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const running = runner.jobId !== null && !runner.entry?.finished;

  const start = async () => {
    const done = await runner.start(() => api.call('rules.startBacktest', { version, ...(from ? { from } : {}), ...(to ? { to } : {}) }));
    // A job.done lost with the connection carries no result: the list, read again, has the backtest as its newest.
    if (done && !done.error) onDone(resultOf(done, 'rules-backtest') ?? null);
  };

  return (
    <>
      <div className="form-row" data-testid="backtest-form">
        <Field label={t('rules.backtests.from')} hint={t('rules.backtests.openEnd')}>
          <input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
        </Field>
        <Field label={t('rules.backtests.to')} hint={t('rules.backtests.openEnd')}>
          <input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
        </Field>
        <button type="button" className="button button-primary" disabled={running} onClick={() => void start()} data-testid="start-backtest">
          {running ? t('rules.backtests.running') : t('rules.backtests.start', { version })}
        </button>
      </div>
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
    </>
  );
}

/** The version's stored backtests, newest first, each with who ran it, when, over what, and how it did. */
function BacktestList({ rows, selected, onSelect }: { rows: readonly StoredBacktest[]; selected: number | null; onSelect: (backtestId: number) => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const period = usePeriodLabel();
  return (
    <section className="panel" aria-labelledby="backtest-list-title">
      <h2 id="backtest-list-title">{t('rules.backtests.stored')}</h2>
      {rows.length === 0 ? (
        <p className="muted" data-testid="backtest-none">
          {t('rules.backtests.none')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="backtest-list">
            <thead>
              <tr>
                <th scope="col">{t('rules.backtests.columns.id')}</th>
                <th scope="col">{t('rules.backtests.columns.startedBy')}</th>
                <th scope="col">{t('rules.backtests.columns.finishedAt')}</th>
                <th scope="col">{t('rules.backtests.columns.period')}</th>
                <th scope="col" className="num">{t('rules.backtests.columns.transactions')}</th>
                <th scope="col" className="num">{t('rules.backtests.metrics.flagged')}</th>
                <th scope="col" className="num">{t('rules.backtests.metrics.precision')}</th>
                <th scope="col" className="num">{t('rules.backtests.metrics.recall')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.backtestId} className={row.backtestId === selected ? 'row-selected' : undefined} data-backtest-id={row.backtestId}>
                  <th scope="row">
                    <button type="button" className="link-button" aria-pressed={row.backtestId === selected} onClick={() => onSelect(row.backtestId)}>
                      #{row.backtestId}
                    </button>
                  </th>
                  <td>{row.startedBy}</td>
                  <td>{formatTimestamp(row.finishedAt)}</td>
                  <td>{period(row.result)}</td>
                  <td className="num">{formatCount(row.result.transactions, locale)}</td>
                  <td className="num">{formatCount(row.result.candidate.flagged, locale)}</td>
                  <td className="num">{formatRate(row.result.candidate.precision, locale)}</td>
                  <td className="num">{formatRate(row.result.candidate.recall, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
