// IFRS 9 staging (DOMAIN.md § Credit): stage 3 when credit-impaired, stage 2 on a significant increase in credit
// risk since origination, else stage 1; with the reason in words, numbers included, for the loan's detail view.
import type { CreditParameters } from '../../../../preload/contract/credit.ts';
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
  readonly reason: string;
}

/** A PD as a percentage with two decimals, by integer arithmetic (toFixed costs five times as much, per loan). */
function percent(pd: number): string {
  const basisPoints = Math.round(pd * 10_000);
  const cents = basisPoints % 100;
  return `${(basisPoints - cents) / 100}.${cents < 10 ? '0' : ''}${cents} %`;
}

export function stageOf(input: StagingInput, staging: CreditParameters['staging']): StageDecision {
  const { dpd, pdLifetimeNow, pdLifetimeAtOrigination } = input;
  const status = statusClass(input.status);
  if (dpd >= staging.impairedDpd) return { stage: 3, reason: `${dpd} DPD ≥ ${staging.impairedDpd}` };
  if (status === 'defaulted' || status === 'written_off') return { stage: 3, reason: `status ${input.status ?? ''}` };
  const sicr: string[] = [];
  if (dpd > staging.sicrDpd) sicr.push(`${dpd} DPD > ${staging.sicrDpd}`);
  const threshold = staging.sicrPdMultiple * pdLifetimeAtOrigination;
  const pdComparison = `lifetime PD ${percent(pdLifetimeNow)} ${pdLifetimeNow > threshold ? '>' : '≤'} ${staging.sicrPdMultiple} × ${percent(pdLifetimeAtOrigination)} at origination`;
  if (pdLifetimeNow > threshold) sicr.push(pdComparison);
  if (sicr.length > 0) return { stage: 2, reason: sicr.join('; ') };
  return { stage: 1, reason: `${dpd} DPD ≤ ${staging.sicrDpd}; ${pdComparison}` };
}
