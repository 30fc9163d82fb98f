import type { AlertSubject } from '../../../preload/contract/alerts.ts';
import type { JobProgressOf, ParsedJobInput } from '../../../preload/contract/jobs.ts';
import { LIQUIDITY_ALERT_TYPES, type IndicatorValue, type LiquidityRunResult } from '../../../preload/contract/liquidity.ts';
import { evaluateIndicators } from '../../engines/liquidity/index.ts';
import { emitAlerts, type EmittedAlert } from '../../store/alerts.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { inTransaction } from '../../store/database.ts';
import { topInvestorShare } from '../../store/liquidity-data.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { finishRun, insertRun, type RunArtefacts } from '../../store/runs.ts';
import { liquidityBook, positionOf, productFlowSeries, scenarioBook, scenariosFrom } from '../liquidity-book.ts';
import type { EngineJob, ReportProgress, WriteConnections } from '../protocol.ts';

/** The platform-wide indicators' subject: their breaches share one case (the per-product ones are grouped by product). */
const PLATFORM: AlertSubject = { type: 'portfolio', id: 'liquidity' };
const TOP_INVESTORS = 10;

/**
 * A liquidity run as of a date, as the single writer: the position, every scenario of the active parameter set, and
 * the early-warning indicators; stored in runs (its totals are the result) with an alert for each breached indicator,
 * filed into a case by product (or the platform's), and its audit event, in one transaction or not at all.
 */
export const liquidityRunJob: EngineJob<'liquidity-run'> = ({ reader, writer }, input, report) =>
  inTransaction(writer, () => inReadSnapshot(reader, () => runAndStore({ reader, writer }, input, report)));

function indicatorAlert(value: IndicatorValue): EmittedAlert {
  const type = LIQUIDITY_ALERT_TYPES[value.indicator];
  return {
    type,
    subject: value.product === null ? PLATFORM : { type: 'product', id: value.product },
    severity: value.severity,
    score: value.value ?? 0,
    explanation: { key: type, figures: [{ name: value.indicator, value: value.value ?? 'none', threshold: value.threshold, ...(value.indicator === 'survival_days' ? { unit: 'days' } : { unit: 'ratio' }) }] },
  };
}

function runAndStore({ reader, writer }: WriteConnections, input: ParsedJobInput<'liquidity-run'>, report: ReportProgress<JobProgressOf<'liquidity-run'>>): LiquidityRunResult {
  const book = liquidityBook(reader, { asOf: input.asOf });
  const filled = scenarioBook(book);
  const position = positionOf(reader, book, (done, total) => report({ done, total, phase: 'position' }), filled);
  report({ done: 0, total: book.parameters.scenarios.length, phase: 'scenarios' });
  const scenarios = scenariosFrom(reader, book, filled);
  const survival = book.parameters.scenarios.map((scenario) => ({ scenario: scenario.name, result: scenarios.run(scenario.name) }));
  report({ done: 0, total: 1, phase: 'indicators' });
  const thresholds = book.parameters.indicators;
  const watched = survival.find((entry) => entry.scenario === thresholds.survivalDays.scenario)?.result;
  const indicators = evaluateIndicators(
    {
      history: productFlowSeries(reader, book.asOf),
      top10Share: topInvestorShare(reader, TOP_INVESTORS),
      lcr: position.lcr.lcr,
      survivalDay: watched?.survivalDay ?? null,
      survivalHorizonDays: watched?.scenario.horizonDays ?? 0,
    },
    thresholds,
  );
  const artefacts: RunArtefacts = { 'liquidity.parameterSet': book.parameterVersion };
  const runId = insertRun(writer, { engine: 'liquidity', asOf: book.asOf, artefacts, startedBy: input.actor, startedAt: input.startedAt, currency: book.currency });
  const breaches = indicators.filter((value) => value.breached);
  report({ done: 0, total: breaches.length, phase: 'alerts' });
  const finishedAt = new Date().toISOString();
  const emitted = emitAlerts(writer, { source: 'liquidity', runId, artefacts, raisedBy: null, at: finishedAt, alerts: breaches.map(indicatorAlert) });
  report({ done: breaches.length, total: breaches.length, phase: 'alerts' });
  const result: LiquidityRunResult = {
    runId,
    asOf: book.asOf,
    parameterVersion: book.parameterVersion,
    startedBy: input.actor,
    finishedAt,
    currency: book.currency,
    lcr: position.lcr.lcr,
    nsfr: position.nsfr.nsfr,
    hqla: position.lcr.hqla,
    netOutflows: position.lcr.net_outflows,
    survival: survival.map((entry) => ({ scenario: entry.scenario, survivalDay: entry.result.survivalDay })),
    indicators,
    alerts: { raised: emitted.raised, repeated: emitted.repeated, casesOpened: emitted.casesOpened },
  };
  finishRun(writer, runId, { totals: result, finishedAt });
  appendAuditEvent(writer, { actor: input.actor, action: 'liquidity.run', subject: `liquidity run ${runId}`, at: finishedAt, details: { ...result } });
  return result;
}
