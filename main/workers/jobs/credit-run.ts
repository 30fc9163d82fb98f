import type { z } from 'zod';
import { creditParametersSchema, storedScorecardSchema, type CreditAlertThresholds, type CreditRunResult } from '../../../preload/contract/credit.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { JobProgressOf, ParsedJobInput } from '../../../preload/contract/jobs.ts';
import { daysInMonth, monthIndex } from '../../engines/calendar.ts';
import { assessLoan, exposureLimitAlert, fromStoredScorecard, loanAlerts, modelDriftAlerts, monitoringReference, PopulationStability, scoreRows, type CreditAlert, type PopulationStabilityResult } from '../../engines/credit/index.ts';
import { emitAlerts } from '../../store/alerts.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { countScoringLoans, latestPerformanceMonth, scoringBatches } from '../../store/credit-features.ts';
import { activeModel, getModel } from '../../store/credit-models.ts';
import { activeParameterSet } from '../../store/credit-parameter-sets.ts';
import { borrowerExposuresAbove, insertCreditRun, insertRunLoans, previousCreditRunId, runLoanComparisons, runTotals, type RunLoanRow } from '../../store/credit-runs.ts';
import { inTransaction } from '../../store/database.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { finishRun, type RunArtefacts } from '../../store/runs.ts';
import type { EngineJob, ReportProgress, WriteConnections } from '../protocol.ts';


const DEFAULT_BATCH = 5_000;
/** Loans compared with the previous run per page (each page read whole, then its alerts emitted). */
const COMPARISON_PAGE = 5_000;

function lastDayOfMonth(month: string): string {
  const index = monthIndex(month);
  return `${month}-${String(daysInMonth(Math.floor(index / 12), (index % 12) + 1)).padStart(2, '0')}`;
}

/**
 * Scores every open loan with the active model and parameter set, and stores PD, grade, stage and ECL per loan.
 * This job is the run's single writer: main holds the session's write lock meanwhile and handed it the writer
 * spec for that time, so nothing else writes. The run, its million result rows, its totals and its audit event
 * commit in one transaction on the job's writable connection, or not at all, and main's thread never carries the
 * rows. The writer's transaction starts first (it takes SQLite's write lock), then the read snapshot the loans are
 * read in, so the two see the same state.
 */
export const creditRunJob: EngineJob<'credit-run'> = ({ reader, writer }, input, report) =>
  inTransaction(writer, () => inReadSnapshot(reader, () => scoreAndStore({ reader, writer }, input, report)));

/** What the workspace holds is checked again here: a run on a damaged parameter set would store NaN silently. */
function validOrRefused<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RiskDeskError('INVALID_STATE', `The active ${what} is not valid (${issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'unreadable'}); activate another one.`);
}

interface AlertCounts {
  raised: number;
  repeated: number;
  casesOpened: number;
}

/**
 * The run's early-warning alerts (engines/credit/alerts/early-warning.ts), emitted inside the run's transaction once
 * its rows are written: each loan compared with the previous run (previousCreditRunId), page by page so that memory
 * holds one page of loans and their alerts, then the borrowers above the exposure limit; then its model-monitoring
 * alerts (engines/credit/alerts/model-drift.ts) from the stability of every loan it scored. They commit with the run
 * or not at all.
 */
function emitRunAlerts(
  writer: WriteConnections['writer'],
  run: { runId: number; asOf: string; artefacts: RunArtefacts; at: string; currency: string; stability: PopulationStabilityResult },
  thresholds: CreditAlertThresholds,
): AlertCounts {
  const counts: AlertCounts = { raised: 0, repeated: 0, casesOpened: 0 };
  const emit = (alerts: readonly CreditAlert[]) => {
    if (alerts.length === 0) return;
    const emitted = emitAlerts(writer, { source: 'credit', runId: run.runId, artefacts: run.artefacts, raisedBy: null, at: run.at, alerts });
    counts.raised += emitted.raised;
    counts.repeated += emitted.repeated;
    counts.casesOpened += emitted.casesOpened;
  };
  const previousRunId = previousCreditRunId(writer, run.asOf);
  for (const page of runLoanComparisons(writer, run.runId, previousRunId, COMPARISON_PAGE)) emit(page.flatMap((loan) => loanAlerts(loan, thresholds)));
  const borrowers = borrowerExposuresAbove(writer, run.runId, thresholds.borrowerExposure.limitMinor);
  emit(borrowers.flatMap((borrower) => exposureLimitAlert(borrower, thresholds, run.currency) ?? []));
  emit(modelDriftAlerts(run.stability, thresholds));
  return counts;
}

function scoreAndStore({ reader, writer }: WriteConnections, input: ParsedJobInput<'credit-run'>, report: ReportProgress<JobProgressOf<'credit-run'>>): CreditRunResult {
  const model = activeModel(writer);
  if (!model) throw new RiskDeskError('INVALID_STATE', 'No scorecard is active: develop one, have it approved by a second person and activate it, then run again.');
  const parameters = activeParameterSet(writer);
  if (!parameters) throw new RiskDeskError('INVALID_STATE', 'No IFRS 9 parameter set is active: approve and activate one, then run again.');
  const params = validOrRefused(creditParametersSchema, parameters.parameters, `IFRS 9 parameter set v${parameters.version}`);
  const scorecard = validOrRefused(storedScorecardSchema, model.scorecard, `model ${model.modelId}`);
  const latestMonth = latestPerformanceMonth(reader);
  const asOf = input.asOf ?? (latestMonth ? lastDayOfMonth(latestMonth) : input.startedAt.slice(0, 10));
  const card = fromStoredScorecard(scorecard);
  // The score and feature bins of every loan scored, against the model's development sample: the model-monitoring
  // alerts' PSI and CSI (the same counts as the monitoring job's, for one population).
  const developmentReport = getModel(writer, model.modelId)?.report;
  if (!developmentReport) throw new RiskDeskError('INVALID_STATE', `The active model ${model.modelId} has no development report; activate another one.`);
  const stability = new PopulationStability(monitoringReference(developmentReport, card));
  const total = countScoringLoans(reader, 'open');
  const currency = baseCurrency(reader);
  const runId = insertCreditRun(writer, { asOf, modelId: model.modelId, parameterVersion: parameters.version, startedBy: input.actor, startedAt: input.startedAt, currency });
  let done = 0;
  report({ done, total, phase: 'scoring loans' });
  for (const batch of scoringBatches(reader, { batchSize: input.batchSize ?? DEFAULT_BATCH, population: 'open' })) {
    const scored = scoreRows(card, batch.columns);
    stability.add(scored);
    const rows: RunLoanRow[] = batch.loans.map((loan, i) => {
      const assessment = assessLoan(loan, scored.pd[i] ?? 0, params, asOf);
      return {
        loanId: batch.loanIds[i] ?? '',
        score: scored.score[i] ?? 0,
        pd12m: assessment.pd12m,
        pdOrigination: assessment.pdOrigination,
        pdLifetime: assessment.pdLifetime,
        grade: assessment.grade,
        stage: assessment.stage,
        lgd: assessment.lgd,
        eadMinor: assessment.eadMinor,
        eclMinor: assessment.eclMinor,
        requiredRate: assessment.requiredRate,
        dpd: loan.dpd,
      };
    });
    insertRunLoans(writer, runId, rows);
    done += rows.length;
    report({ done, total, phase: 'scoring loans' });
  }
  report({ done, total, phase: 'totals' });
  const totals = runTotals(writer, runId);
  const finishedAt = new Date().toISOString();
  const artefacts: RunArtefacts = { 'credit.model': model.modelId, 'credit.parameterSet': parameters.version };
  report({ done, total, phase: 'alerts' });
  const alerts = emitRunAlerts(writer, { runId, asOf, artefacts, at: finishedAt, currency, stability: stability.result(card.features) }, params.alerts);
  finishRun(writer, runId, { totals, finishedAt });
  appendAuditEvent(writer, {
    actor: input.actor,
    action: 'credit.run',
    subject: `credit run ${runId}`,
    at: finishedAt,
    details: { runId, asOf, modelId: model.modelId, parameterVersion: parameters.version, loans: done, eadMinor: totals.eadMinor, eclMinor: totals.eclMinor, alerts },
  });
  return { runId, asOf, startedBy: input.actor, finishedAt, modelId: model.modelId, modelName: model.name, parameterVersion: parameters.version, currency, totals, alerts };
}
