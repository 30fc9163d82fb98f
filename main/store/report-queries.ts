import type { LiquidityRunResult } from '../../preload/contract/liquidity.ts';
import type { FraudRunResult } from '../../preload/contract/fraud-runs.ts';
import type { ReportFigures, ResolvedPeriod } from '../../preload/contract/reports.ts';
import { DPD_BUCKET_FIRST_DAY } from '../../preload/contract/vocabulary.ts';
import { previousCreditRunId } from './credit-runs.ts';
import { openLoanSql } from './loan-status-sql.ts';
import { OUTSTANDING_SQL } from './dashboard-queries.ts';
import type { Db } from './database.ts';
import { dayAfter } from './fraud-runs.ts';
import { baseCurrency } from './workspace-meta.ts';

/**
 * A risk report's figures for a period, read straight from the workspace: UTC calendar dates `from`..`to`, both
 * included. Timestamps are stored as ISO 8601 UTC text, so an instant is in the period when it is at or after
 * `from`T00:00 and before the day after `to` (text order is time order); dates (as-of, origination) compare as text.
 * Read inside one snapshot (the caller's) so that the sections agree.
 */

type PortfolioFigures = NonNullable<ReportFigures['portfolio']>;
type CreditFigures = NonNullable<ReportFigures['credit']>;
type FraudFigures = NonNullable<ReportFigures['fraud']>;
type LiquidityFigures = NonNullable<ReportFigures['liquidity']>;
type CaseFigures = NonNullable<ReportFigures['cases']>;
type ApprovalFigure = ReportFigures['approvals'][number];

/** The period as the instants its timestamps are compared with, bound as @fromTs and @beforeTs. */
interface PeriodInstants {
  readonly fromTs: string;
  readonly beforeTs: string;
}

function instantsOf(period: Pick<ResolvedPeriod, 'from' | 'to'>): PeriodInstants {
  return { fromTs: `${period.from}T00:00:00.000Z`, beforeTs: dayAfter(period.to) };
}

// ── Portfolio ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Each loan originated by `to` (bound as @to) in its state as of then: its latest performance month on or before
 * `to` (as_of is YYYY-MM, which sorts before every day of its month), else the state the loans table reports (a
 * workspace without performance history has only that). Its columns are the loans table's names, so that
 * openLoanSql and the dashboard's OUTSTANDING_SQL read it as they read loans. The latest month is a probe of
 * loan_performance's primary key per loan.
 */
const LOANS_AS_OF = `
  SELECT x.loan_id, x.borrower_id, x.currency, x.principal_minor, x.undrawn_amount_minor,
    CASE WHEN p.loan_id IS NULL THEN x.status ELSE p.status END AS status,
    CASE WHEN p.loan_id IS NULL THEN x.outstanding_balance_minor ELSE p.balance_minor END AS outstanding_balance_minor,
    CASE WHEN p.loan_id IS NULL THEN x.dpd ELSE p.dpd END AS dpd
  FROM loans x LEFT JOIN loan_performance p
    ON p.loan_id = x.loan_id AND p.as_of = (SELECT max(q.as_of) FROM loan_performance q WHERE q.loan_id = x.loan_id AND q.as_of <= @to)
  WHERE x.origination_date <= @to`;

interface PortfolioRow {
  openLoans: number;
  borrowers: number;
  outstandingMinor: number | null;
  dpd30Minor: number | null;
  dpd90Minor: number | null;
}

/**
 * Open loans as of the period's last day (counted in every currency, money in the base currency alone, as the
 * dashboard does), the borrowers with one, the share of that balance 30+ and 90+ days past due (the dashboard's
 * bucket boundaries), and the loans originated in the period. Null when the workspace has no loans.
 */
export function portfolioFigures(db: Db, period: ResolvedPeriod): PortfolioFigures | null {
  if (db.prepare('SELECT 1 FROM loans LIMIT 1').get() === undefined) return null;
  const ccy = baseCurrency(db);
  const open = db
    .prepare(
      `WITH l AS (${LOANS_AS_OF})
       SELECT count(*) AS openLoans, count(DISTINCT borrower_id) AS borrowers, sum(${OUTSTANDING_SQL}) AS outstandingMinor,
         sum(CASE WHEN dpd >= ${DPD_BUCKET_FIRST_DAY['30-59']} THEN ${OUTSTANDING_SQL} ELSE 0 END) AS dpd30Minor,
         sum(CASE WHEN dpd >= ${DPD_BUCKET_FIRST_DAY['90+']} THEN ${OUTSTANDING_SQL} ELSE 0 END) AS dpd90Minor
       FROM l WHERE ${openLoanSql('l')}`,
    )
    .get({ to: period.to, ccy }) as PortfolioRow;
  const originated = db
    .prepare(
      `SELECT count(*) AS loans, coalesce(sum(CASE WHEN currency = @ccy THEN principal_minor ELSE 0 END), 0) AS principalMinor
       FROM loans WHERE origination_date BETWEEN @from AND @to`,
    )
    .get({ from: period.from, to: period.to, ccy }) as { loans: number; principalMinor: number };
  const outstanding = open.outstandingMinor ?? 0;
  const share = (minor: number | null): number | null => (outstanding === 0 ? null : (minor ?? 0) / outstanding);
  return {
    asOf: period.to,
    currency: ccy,
    openLoans: open.openLoans,
    borrowers: open.borrowers,
    outstandingMinor: outstanding,
    dpd30PlusShare: share(open.dpd30Minor),
    dpd90PlusShare: share(open.dpd90Minor),
    originatedInPeriod: originated.loans,
    originatedInPeriodMinor: originated.principalMinor,
  };
}

// ── Credit ──────────────────────────────────────────────────────────────────────────────────────────────

const STAGES = ['1', '2', '3'] as const;

/**
 * Loans by stage in the credit run before `run` (previousCreditRunId's: the latest with an earlier as-of) and in
 * `run`, for the loans both scored: a range scan of the run's rows with a primary-key probe into the earlier run's.
 * Every one of the nine cells, zeros included. Null when no earlier run exists.
 */
export function stageMigration(db: Db, run: { readonly runId: number; readonly asOf: string }): CreditFigures['stageMigration'] {
  const fromRunId = previousCreditRunId(db, run.asOf);
  if (fromRunId === null) return null;
  const fromAsOf = db.prepare('SELECT as_of FROM runs WHERE run_id = ?').pluck().get(fromRunId) as string;
  const cells = db
    .prepare(
      `SELECT p.stage AS "from", c.stage AS "to", count(*) AS loans
       FROM credit_run_loans c JOIN credit_run_loans p ON p.run_id = ? AND p.loan_id = c.loan_id
       WHERE c.run_id = ? GROUP BY 1, 2`,
    )
    .all(fromRunId, run.runId) as { from: number; to: number; loans: number }[];
  const loansOf = (from: string, to: string): number => cells.find((c) => String(c.from) === from && String(c.to) === to)?.loans ?? 0;
  return { fromRunId, fromAsOf, counts: STAGES.flatMap((from) => STAGES.map((to) => ({ from, to, loans: loansOf(from, to) }))) };
}

/** The latest origination date on or before `to`, or null when no loan was originated by then. */
export function latestOriginationBy(db: Db, to: string): string | null {
  return db.prepare('SELECT max(origination_date) FROM loans WHERE origination_date <= ?').pluck().get(to) as string | null;
}

// ── Fraud ───────────────────────────────────────────────────────────────────────────────────────────────

/** Whether the fraud engine has ever run or raised an alert: without either, a report has no fraud section. */
function hasFraudActivity(db: Db): boolean {
  return db.prepare(`SELECT EXISTS (SELECT 1 FROM runs WHERE engine = 'fraud' AND status = 'finished') OR EXISTS (SELECT 1 FROM alerts WHERE source = 'fraud')`).pluck().get() === 1;
}

/** Sums of the totals (the run's result, fraudRunResultSchema) of the fraud runs that finished in the period. */
function fraudRunSums(db: Db, instants: PeriodInstants): Pick<FraudFigures, 'runs' | 'transactionsScored' | 'flagged' | 'flaggedMinor'> {
  const total = (field: keyof FraudRunResult): string => `coalesce(sum(json_extract(totals, '$.${field}')), 0)`;
  return db
    .prepare(
      `SELECT count(*) AS runs, ${total('transactions')} AS transactionsScored, ${total('flagged')} AS flagged, ${total('flaggedMinor')} AS flaggedMinor
       FROM runs WHERE engine = 'fraud' AND status = 'finished' AND finished_at >= @fromTs AND finished_at < @beforeTs`,
    )
    .get(instants) as Pick<FraudFigures, 'runs' | 'transactionsScored' | 'flagged' | 'flaggedMinor'>;
}

/** Fraud cases closed in the period with a disposition (a merge closes a case without one), most frequent first. */
function fraudDispositions(db: Db, instants: PeriodInstants): FraudFigures['dispositions'] {
  return db
    .prepare(
      `SELECT disposition, count(*) AS cases FROM cases
       WHERE type = 'fraud' AND status = 'closed' AND merged_into IS NULL AND closed_at >= @fromTs AND closed_at < @beforeTs
       GROUP BY disposition ORDER BY cases DESC, disposition`,
    )
    .all(instants) as FraudFigures['dispositions'];
}

/** The rule set version whose activation was the latest one by the period's end, with its number of rules. */
function ruleSetInForce(db: Db, instants: PeriodInstants): FraudFigures['ruleSet'] {
  const row = db
    .prepare(
      `SELECT version, activated_at AS activatedAt, approved_by AS approvedBy, coalesce(json_array_length(document, '$.rules'), 0) AS rules
       FROM fraud_rule_sets WHERE activated_at < @beforeTs ORDER BY activated_at DESC, version DESC LIMIT 1`,
    )
    .get({ beforeTs: instants.beforeTs }) as FraudFigures['ruleSet'] | undefined;
  return row ?? null;
}

/** Runs finished, alerts raised and fraud cases closed in the period, and the rule set in force at its end; null without any fraud activity ever. */
export function fraudFigures(db: Db, period: ResolvedPeriod): FraudFigures | null {
  if (!hasFraudActivity(db)) return null;
  const instants = instantsOf(period);
  const alertsRaised = db
    .prepare(`SELECT count(*) FROM alerts WHERE source = 'fraud' AND created_at >= @fromTs AND created_at < @beforeTs`)
    .pluck()
    .get(instants) as number;
  return { currency: baseCurrency(db), ...fraudRunSums(db, instants), alertsRaised, dispositions: fraudDispositions(db, instants), ruleSet: ruleSetInForce(db, instants) };
}

// ── Liquidity ───────────────────────────────────────────────────────────────────────────────────────────

/** The latest finished liquidity run as of the period's end (its totals are its result); null without one. */
export function liquidityFigures(db: Db, period: ResolvedPeriod): LiquidityFigures | null {
  const totals = db
    .prepare(`SELECT totals FROM runs WHERE engine = 'liquidity' AND status = 'finished' AND as_of <= ? ORDER BY as_of DESC, run_id DESC LIMIT 1`)
    .pluck()
    .get(period.to) as string | undefined;
  if (totals === undefined) return null;
  const run = JSON.parse(totals) as LiquidityRunResult;
  return {
    run: { runId: run.runId, asOf: run.asOf, parameterVersion: run.parameterVersion, currency: run.currency },
    lcr: run.lcr,
    nsfr: run.nsfr,
    hqla: run.hqla,
    netOutflows: run.netOutflows,
    survival: run.survival,
    indicators: run.indicators,
  };
}

// ── Cases ───────────────────────────────────────────────────────────────────────────────────────────────

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;

/**
 * Cases opened and closed in the period, open at its end, and SLA breaches by priority: a case whose due time fell
 * in the period and that was not closed by then (closed later, or still open). A reopened case's earlier closure is
 * not kept in its row (reopening clears it), so it counts as open from its creation on. Null without any case.
 */
export function caseFigures(db: Db, period: ResolvedPeriod): CaseFigures | null {
  const instants = instantsOf(period);
  const counts = db
    .prepare(
      `SELECT count(*) AS cases,
         coalesce(sum(created_at >= @fromTs AND created_at < @beforeTs), 0) AS opened,
         coalesce(sum(closed_at >= @fromTs AND closed_at < @beforeTs), 0) AS closed,
         coalesce(sum(created_at < @beforeTs AND (closed_at IS NULL OR closed_at >= @beforeTs)), 0) AS openAtEnd
       FROM cases`,
    )
    .get(instants) as { cases: number; opened: number; closed: number; openAtEnd: number };
  if (counts.cases === 0) return null;
  // The cases_due index gives the period's due cases without reading the rest.
  const breaches = db
    .prepare(
      `SELECT priority, count(*) AS breaches FROM cases
       WHERE due_at >= @fromTs AND due_at < @beforeTs AND (closed_at IS NULL OR closed_at > due_at) GROUP BY priority`,
    )
    .all(instants) as { priority: string; breaches: number }[];
  return {
    opened: counts.opened,
    closed: counts.closed,
    openAtEnd: counts.openAtEnd,
    slaBreaches: PRIORITIES.map((severity) => ({ severity, breaches: breaches.find((b) => b.priority === severity)?.breaches ?? 0 })),
  };
}

// ── Approvals ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * The four-eyes steps taken in the period, in chain order: the approval and the activation of a version of any
 * lifecycle kind (their actions are `<kind action>.approve` and `.activate`, lifecycle-service.ts), and the closure
 * of a case of one of `closurePriorities` (the contract's FOUR_EYES_PRIORITIES), which its proposer may not make.
 */
export function approvalsIn(db: Db, period: ResolvedPeriod, closurePriorities: readonly string[]): ApprovalFigure[] {
  return db
    .prepare(
      `SELECT at, action, subject, actor AS "by" FROM audit_events
       WHERE at >= @fromTs AND at < @beforeTs
         AND (action GLOB '*.approve' OR action GLOB '*.activate'
           OR (action = 'case.transition' AND json_extract(details, '$.to') = 'closed'
             AND json_extract(details, '$.priority') IN (SELECT value FROM json_each(@closurePriorities))))
       ORDER BY seq`,
    )
    .all({ ...instantsOf(period), closurePriorities: JSON.stringify(closurePriorities) }) as ApprovalFigure[];
}
