// One loan's IFRS 9 assessment as of a date: PD, grade, stage, LGD, EAD, ECL and the rate its risk requires.
// Called once per loan of a portfolio run (a million loans): no array is allocated unless a schedule is asked for.
import type { CreditParameters, Grade, StageReason } from '../../../../preload/contract/credit.ts';
import { PERFORMING_DPD_BUCKETS } from '../../../../preload/contract/vocabulary.ts';
import { addMonths, monthsUntil, parseDay } from '../../calendar.ts';
import { bucketOfDays } from '../portfolio/dpd-bucket.ts';
import { discountedEcl, impairedEcl, type EclMonth } from './ecl.ts';
import { ExposureRunoff } from './exposure.ts';
import { ccfFor, lgdFor } from './lgd.ts';
import { gradeOf } from './master-scale.ts';
import { stageOf } from './staging.ts';
import { lifetimePd } from './term-structure.ts';

/** The loan fields the assessment reads, as the store produces them. Money in integer minor units. */
export interface LoanRiskInput {
  readonly product: string;
  readonly collateralType: string | null;
  readonly repaymentType: string | null;
  /** Annual contract rate, a decimal. */
  readonly interestRate: number;
  readonly termMonths: number;
  /** YYYY-MM-DD. */
  readonly originationDate: string;
  /** YYYY-MM-DD; null: origination + term. */
  readonly maturityDate: string | null;
  readonly balanceMinor: number;
  readonly undrawnMinor: number;
  readonly dpd: number;
  readonly status: string | null;
}

export interface LoanAssessment {
  readonly pd12m: number;
  readonly pdOrigination: number;
  readonly pdLifetime: number;
  readonly grade: Grade;
  readonly stage: 1 | 2 | 3;
  readonly stageReason: StageReason;
  readonly lgd: number;
  readonly eadMinor: number;
  readonly eclMinor: number;
  readonly requiredRate: number;
  readonly remainingMonths: number;
  /** The ECL month by month when asked for (options.schedule), else null. */
  readonly schedule: EclMonth[] | null;
}

/** Stage 1 provisions for the next 12 months only. */
const STAGE_1_HORIZON = 12;

function dpdOddsMultiplier(multipliers: CreditParameters['dpdOddsMultiplier'], dpd: number): number {
  // From 90 DPD a loan is normally stage 3 with PD 1; if impairedDpd is set above 90, the highest overlay (60-89) applies.
  return multipliers[bucketOfDays(dpd, PERFORMING_DPD_BUCKETS)];
}

/** The PD whose odds are `multiplier` times those of `pd` (PD 1 stays 1, PD 0 stays 0). */
function scaleOdds(pd: number, multiplier: number): number {
  if (pd >= 1) return 1;
  const odds = (multiplier * pd) / (1 - pd);
  return odds / (1 + odds);
}

/** Whole months to maturity, a started month counting as whole, at least 1 (a loan past maturity still owes this month). */
function remainingMonthsOf(loan: LoanRiskInput, asOf: string): number {
  const maturity = loan.maturityDate !== null ? parseDay(loan.maturityDate) : addMonths(parseDay(loan.originationDate), loan.termMonths);
  return Math.max(1, monthsUntil(parseDay(asOf), maturity));
}

/**
 * `applicationPd` is the scorecard's PD on the loan's application features: its 12-month PD at origination.
 * `asOf` is YYYY-MM-DD.
 */
export function assessLoan(loan: LoanRiskInput, applicationPd: number, params: CreditParameters, asOf: string, options: { schedule?: boolean } = {}): LoanAssessment {
  const pdOrigination = Math.min(1, Math.max(0, applicationPd));
  const remainingMonths = remainingMonthsOf(loan, asOf);
  const behaviouralPd = scaleOdds(pdOrigination, dpdOddsMultiplier(params.dpdOddsMultiplier, loan.dpd));
  const pdLifetimeNow = lifetimePd(behaviouralPd, remainingMonths);
  // Both lifetime PDs cover the same remaining horizon, so SICR compares risk, not the length of the horizons.
  const { stage, reason } = stageOf({ dpd: loan.dpd, status: loan.status, pdLifetimeNow, pdLifetimeAtOrigination: lifetimePd(pdOrigination, remainingMonths) }, params.staging);
  const pd12m = stage === 3 ? 1 : behaviouralPd;
  const lgd = lgdFor(params, loan.product, loan.collateralType);
  // A credit balance or a negative commitment is not an exposure.
  const balanceMinor = Math.max(0, loan.balanceMinor);
  const undrawnMinor = Math.max(0, loan.undrawnMinor);
  const ccf = ccfFor(params, loan.product);
  const ead = balanceMinor + ccf * undrawnMinor;
  const monthlyRate = loan.interestRate / 12;
  const schedule: EclMonth[] | null = options.schedule ? [] : null;
  const ecl =
    stage === 3
      ? impairedEcl(lgd, ead, schedule)
      : discountedEcl(
          {
            pd12m,
            lgd,
            monthlyRate,
            horizonMonths: stage === 1 ? Math.min(STAGE_1_HORIZON, remainingMonths) : remainingMonths,
            exposure: new ExposureRunoff({ balanceMinor, undrawnMinor, ccf, monthlyRate, remainingMonths, repayment: loan.repaymentType }),
          },
          schedule,
        );
  const { fundingCost, operatingCost, margin } = params.pricing;
  return {
    pd12m,
    pdOrigination,
    pdLifetime: stage === 3 ? 1 : pdLifetimeNow,
    grade: gradeOf(params.masterScale, pd12m),
    stage,
    stageReason: reason,
    lgd,
    eadMinor: Math.round(ead),
    eclMinor: Math.round(ecl),
    // Pricing is set at origination, so the check uses the expected loss priced then, not today's overlay.
    requiredRate: fundingCost + pdOrigination * lgd + operatingCost + margin,
    remainingMonths,
    schedule,
  };
}
