/**
 * Portfolio summary: loans, outstanding balances and defaults by product and by days-past-due bucket.
 * Pure: fed in batches by whoever reads the loans, so a worker can stream a portfolio of any size.
 */
import { statusClass } from './portfolio/loan-status.ts';

/** The columns of `loans` this engine reads. Money in integer minor units. */
export interface LoanPosition {
  readonly loan_id: string;
  readonly product: string;
  readonly currency: string;
  readonly principal_minor: number;
  /** Null when the source did not report it; the principal stands in (see `outstandingOf`). */
  readonly outstanding_balance_minor: number | null;
  /** Null when the source did not report it; counted as current. */
  readonly dpd: number | null;
  readonly status: string | null;
}

export const DPD_BUCKETS = ['current', '1-29', '30-59', '60-89', '90+'] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];

export function dpdBucket(dpd: number | null): DpdBucket {
  if (dpd === null || dpd < 1) return 'current';
  if (dpd < 30) return '1-29';
  if (dpd < 60) return '30-59';
  if (dpd < 90) return '60-89';
  return '90+';
}

/** Status spellings (after lower-casing, with spaces and hyphens as underscores) that mean default or write-off. */
export function isDefaultStatus(status: string | null): boolean {
  const kind = statusClass(status);
  return kind === 'defaulted' || kind === 'written_off';
}

/** DOMAIN.md's default flag: 90+ days past due, written off, or a status of default. */
export function isDefaulted(loan: Pick<LoanPosition, 'dpd' | 'status'>): boolean {
  return (loan.dpd !== null && loan.dpd >= 90) || isDefaultStatus(loan.status);
}

/** A loan without a reported balance is taken at its principal (nothing known to be repaid yet). */
export function outstandingOf(loan: Pick<LoanPosition, 'outstanding_balance_minor' | 'principal_minor'>): number {
  return loan.outstanding_balance_minor ?? loan.principal_minor;
}

/** Sums are per currency: minor units of different currencies do not add up. */
export interface CurrencyAmount {
  readonly currency: string;
  readonly minor: number;
}

export interface SummaryLine {
  readonly loans: number;
  readonly defaults: number;
  /** Sorted by currency code. */
  readonly outstanding: readonly CurrencyAmount[];
}

export interface PortfolioSummary {
  readonly total: SummaryLine;
  /** Sorted by product; only products that have loans. */
  readonly byProduct: readonly (SummaryLine & { readonly product: string })[];
  /** All five buckets, in DPD_BUCKETS order, empty ones included. */
  readonly byDpdBucket: readonly (SummaryLine & { readonly bucket: DpdBucket })[];
  /** How many loans had no reported balance and were summed at their principal. */
  readonly outstandingFromPrincipal: number;
}

export interface PortfolioSummaryAccumulator {
  add(batch: readonly LoanPosition[]): void;
  result(): PortfolioSummary;
}

class LineAccumulator {
  loans = 0;
  defaults = 0;
  readonly outstanding = new Map<string, number>();

  add(loan: LoanPosition, amount: number, defaulted: boolean): void {
    this.loans += 1;
    if (defaulted) this.defaults += 1;
    const sum = (this.outstanding.get(loan.currency) ?? 0) + amount;
    // Any sum past 2^53 − 1 is flagged here, before precision can be lost silently.
    if (!Number.isSafeInteger(sum)) throw new RangeError(`the outstanding total in ${loan.currency} exceeds the largest exactly representable amount (${Number.MAX_SAFE_INTEGER} minor units)`);
    this.outstanding.set(loan.currency, sum);
  }

  line(): SummaryLine {
    const outstanding = [...this.outstanding].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => compareText(a.currency, b.currency));
    return { loans: this.loans, defaults: this.defaults, outstanding };
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createPortfolioSummary(): PortfolioSummaryAccumulator {
  const total = new LineAccumulator();
  const byProduct = new Map<string, LineAccumulator>();
  const byBucket = Object.fromEntries(DPD_BUCKETS.map((bucket) => [bucket, new LineAccumulator()])) as Record<DpdBucket, LineAccumulator>;
  let fromPrincipal = 0;

  return {
    add(batch) {
      for (const loan of batch) {
        const amount = outstandingOf(loan);
        if (!Number.isSafeInteger(amount)) throw new RangeError(`loan ${loan.loan_id}: outstanding balance ${amount} is not a whole number of minor units`);
        if (loan.outstanding_balance_minor === null) fromPrincipal += 1;
        const defaulted = isDefaulted(loan);
        total.add(loan, amount, defaulted);
        let product = byProduct.get(loan.product);
        if (!product) byProduct.set(loan.product, (product = new LineAccumulator()));
        product.add(loan, amount, defaulted);
        byBucket[dpdBucket(loan.dpd)].add(loan, amount, defaulted);
      }
    },
    result() {
      return {
        total: total.line(),
        byProduct: [...byProduct].sort(([a], [b]) => compareText(a, b)).map(([product, line]) => ({ product, ...line.line() })),
        byDpdBucket: DPD_BUCKETS.map((bucket) => ({ bucket, ...byBucket[bucket].line() })),
        outstandingFromPrincipal: fromPrincipal,
      };
    },
  };
}
