import { FOUR_EYES_PRIORITIES } from '../../../preload/contract/case-workflow.ts';
import type { ResolvedPeriod, ReportFigures } from '../../../preload/contract/reports.ts';
import { monthIndex, monthText } from '../../engines/calendar.ts';
import { monitoringBasis, PopulationStability, scoreRows, VintageCurves } from '../../engines/credit/index.ts';
import { vintageRows } from '../../store/credit-analytics-queries.ts';
import { scoringBatches } from '../../store/credit-features.ts';
import { getModel } from '../../store/credit-models.ts';
import { latestRunAsOf } from '../../store/credit-runs.ts';
import type { Db } from '../../store/database.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { approvalsIn, caseFigures, fraudFigures, latestOriginationBy, liquidityFigures, portfolioFigures, stageMigration } from '../../store/report-queries.ts';
import type { EngineJob } from '../protocol.ts';

type CreditFigures = NonNullable<ReportFigures['credit']>;

/** Loans scored per batch for the PSI. */
const PSI_BATCH = 5_000;
/** A vintage's default rate is read at 12 months on book (index 0 is MOB 1). */
const MOB_12 = 11;

/**
 * Origination quarters of the loans originated by `to`: their loans and cumulative default rate at 12 months on
 * book, observed at the end of `to`'s month (the analytics screen's vintage curves, cut at the period).
 */
function vintagesBy(reader: Db, to: string): CreditFigures['vintages'] {
  const curves = new VintageCurves();
  for (const row of vintageRows(reader)) if (row.origination_date <= to) curves.add(row.origination_date, row.first_default_month);
  return curves.result(monthText(monthIndex(to))).map((v) => ({ vintage: v.vintage, loans: v.loans, defaultRate12m: v.cumulativeDefaultRate[MOB_12] ?? null }));
}

/**
 * PSI of the score of the loans originated in the latest origination quarter by `to` (up to `to`), against the
 * model's development sample: the model-monitoring screen's figure for that quarter. Null before any loan, or for a
 * model without a fitted scorecard.
 */
function latestQuarterPsi(reader: Db, modelReport: Parameters<typeof monitoringBasis>[0], to: string): Pick<CreditFigures['model'], 'psi' | 'psiBand'> {
  const latest = latestOriginationBy(reader, to);
  const basis = monitoringBasis(modelReport);
  if (latest === null || basis === null) return { psi: null, psiBand: null };
  const month = monthIndex(latest);
  const population = { originatedFrom: `${monthText(month - (month % 3))}-01`, originatedTo: to };
  const stability = new PopulationStability(basis.reference);
  for (const batch of scoringBatches(reader, { batchSize: PSI_BATCH, population })) stability.add(scoreRows(basis.card, batch.columns));
  const { psi, psiBand } = stability.result(basis.card.features);
  return { psi, psiBand };
}

/** The latest credit run as of the period's end, the migration from the run before it, vintages and the model; null without a run. */
function creditFigures(reader: Db, period: ResolvedPeriod): CreditFigures | null {
  const run = latestRunAsOf(reader, period.to);
  if (!run) return null;
  const model = getModel(reader, run.modelId);
  // Runs are read joined to their model, and models are never deleted.
  if (!model) throw new Error(`internal: credit run ${run.runId} names model ${run.modelId}, which is missing`);
  const { totals } = run;
  return {
    run: { runId: run.runId, asOf: run.asOf, finishedAt: run.finishedAt, modelId: run.modelId, modelName: run.modelName, parameterVersion: run.parameterVersion, currency: run.currency },
    eadMinor: totals.eadMinor,
    eclMinor: totals.eclMinor,
    byStage: totals.byStage,
    byGrade: totals.byGrade,
    stageMigration: stageMigration(reader, run),
    vintages: vintagesBy(reader, period.to),
    model: { id: model.modelId, name: model.name, status: model.status, approvedBy: model.approvedBy, activatedAt: model.activatedAt, ...latestQuarterPsi(reader, model.report, period.to) },
  };
}

/**
 * A risk report's figures for a period, every section read in one snapshot so that they agree with each other; a
 * section is null when its engine has nothing for the period yet.
 */
export const reportFiguresJob: EngineJob<'report-figures'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => {
    const { period } = input;
    const total = 5;
    report({ done: 0, total, phase: 'portfolio' });
    const portfolio = portfolioFigures(reader, period);
    report({ done: 1, total, phase: 'credit' });
    const credit = creditFigures(reader, period);
    report({ done: 2, total, phase: 'fraud' });
    const fraud = fraudFigures(reader, period);
    report({ done: 3, total, phase: 'liquidity' });
    const liquidity = liquidityFigures(reader, period);
    report({ done: 4, total, phase: 'cases' });
    const cases = caseFigures(reader, period);
    const approvals = approvalsIn(reader, period, FOUR_EYES_PRIORITIES);
    report({ done: 5, total, phase: 'cases' });
    return { ...input, portfolio, credit, fraud, liquidity, cases, approvals };
  });
