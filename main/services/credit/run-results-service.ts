import type { LoanRisk, LoanRiskPoint, PricingRow, RunSummary } from '../../../preload/contract/credit.ts';
import type { GridQuery } from '../../../preload/contract/grid.ts';
import { assessLoan, fromStoredScorecard, rowReasonCodes, scoreRows } from '../../engines/credit/index.ts';
import { loanScoringInput } from '../../store/credit-features.ts';
import { getModel } from '../../store/credit-models.ts';
import { getParameterSet } from '../../store/credit-parameter-sets.ts';
import { latestRun, listRuns, loanRunHistory, PRICING_GRID, runLoan } from '../../store/credit-runs.ts';
import type { ServiceContext } from '../context.ts';
import { gridPage, type Grid } from '../grid-page.ts';
import { requirePermission } from '../permissions.ts';

const PRICING: Grid = { name: 'pricing', spec: PRICING_GRID };

/** Finished credit runs, newest first. */
export function creditRuns(ctx: ServiceContext): RunSummary[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listRuns(ctx.reader);
}

/** The latest run's loans priced below funding cost + expected loss + operating cost + margin, as a grid. */
export function pricingCheckPage(ctx: ServiceContext, query: GridQuery): { rows: PricingRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  return gridPage<PricingRow>(ctx, PRICING, query);
}

/** Reason codes shown on a loan: the features that cost it the most points. */
const REASON_CODES = 4;

/**
 * One loan in the latest run: the stored figures, with the reason codes and the ECL month by month worked out
 * again from the run's model and parameter set (one loan: a few milliseconds on main's read connection).
 */
export function loanRisk(ctx: ServiceContext, loanId: string): LoanRisk | null {
  requirePermission(ctx.actor, 'workspace.read');
  const db = ctx.reader;
  const run = latestRun(db);
  if (!run) return null;
  const { runId } = run;
  const stored = runLoan(db, runId, loanId);
  const input = loanScoringInput(db, loanId);
  if (!stored || !input) return null;
  const scorecard = getModel(db, run.modelId)?.report.scorecard;
  const parameters = getParameterSet(db, run.parameterVersion)?.parameters;
  if (!scorecard || !parameters) return null;
  const card = fromStoredScorecard(scorecard);
  const scored = scoreRows(card, input.columns);
  const assessment = assessLoan(input.loan, scored.pd[0] ?? 0, parameters, run.asOf, { schedule: true });
  return {
    runId,
    asOf: run.asOf,
    score: stored.score ?? scored.score[0] ?? 0,
    pd12m: stored.pd12m,
    pdOrigination: stored.pdOrigination,
    pdLifetime: stored.pdLifetime,
    grade: stored.grade,
    stage: String(stored.stage) as LoanRisk['stage'],
    stageReason: assessment.stageReason,
    lgd: stored.lgd,
    eadMinor: stored.eadMinor,
    eclMinor: stored.eclMinor,
    requiredRate: stored.requiredRate,
    reasonCodes: rowReasonCodes(card, scored, 0, REASON_CODES),
    schedule: assessment.schedule ?? [],
  };
}

/** One loan through every finished credit run that scored it, oldest as-of first (empty for a loan no run scored). */
export function loanRiskHistory(ctx: ServiceContext, loanId: string): LoanRiskPoint[] {
  requirePermission(ctx.actor, 'workspace.read');
  return loanRunHistory(ctx.reader, loanId).map((point) => ({ ...point, stage: String(point.stage) as LoanRiskPoint['stage'] }));
}
