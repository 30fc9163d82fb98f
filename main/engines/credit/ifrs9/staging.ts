// IFRS 9 staging (DOMAIN.md § Credit): stage 3 when credit-impaired, stage 2 on a significant increase in credit
// risk since origination, else stage 1; with the reason as a code and its figures, which the loan's detail view puts
// into words in the user's language.
import type { CreditParameters, StageReason } from '../../../../preload/contract/credit.ts';
import { statusClass } from '../portfolio/loan-status.ts';

export interface StagingInput {
  readonly dpd: number;
  readonly status: string | null;
  /** Lifetime PD over the remaining term, now. */
  readonly pdLifetimeNow: number;
  /** Lifetime PD over the same remaining term at the PD the loan had at origination. */
  readonly pdLifetimeAtOrigination: number;
}

export interface StageDecision {
  readonly stage: 1 | 2 | 3;
  readonly reason: StageReason;
}

export function stageOf(input: StagingInput, staging: CreditParameters['staging']): StageDecision {
  const { dpd, pdLifetimeNow, pdLifetimeAtOrigination } = input;
  const status = statusClass(input.status);
  if (dpd >= staging.impairedDpd) return { stage: 3, reason: { code: 'impaired_dpd', dpd, impairedDpd: staging.impairedDpd } };
  if (status === 'defaulted' || status === 'written_off') return { stage: 3, reason: { code: 'impaired_status', status: input.status ?? '' } };
  const dpdBeyond = dpd > staging.sicrDpd;
  const pdBeyond = pdLifetimeNow > staging.sicrPdMultiple * pdLifetimeAtOrigination;
  return {
    stage: dpdBeyond || pdBeyond ? 2 : 1,
    reason: { code: 'sicr', dpd, sicrDpd: staging.sicrDpd, dpdBeyond, pdLifetimeNow, pdLifetimeAtOrigination, pdMultiple: staging.sicrPdMultiple, pdBeyond },
  };
}
