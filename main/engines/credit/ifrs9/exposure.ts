// Exposure at default month by month: the drawn balance at the start of the month, as the loan's repayment type
// runs it off over its remaining months, plus the credit conversion factor's share of the undrawn commitment.

export interface ExposureInput {
  readonly balanceMinor: number;
  readonly undrawnMinor: number;
  readonly ccf: number;
  /** The contractual rate per month (annual rate / 12). */
  readonly monthlyRate: number;
  readonly remainingMonths: number;
  readonly repayment: string | null;
}

/**
 * Walks the exposure month by month with running products, so that an ECL sum over a loan's life needs one
 * Math.pow per loan instead of one per month, and no array.
 */
export class ExposureRunoff {
  private readonly balance: number;
  private readonly undrawnExposure: number;
  private readonly kind: 'annuity' | 'straight_line' | 'level';
  private readonly months: number;
  private readonly growth: number;
  /** (1 + i)^n for the annuity. */
  private readonly finalGrowth: number;
  /** Repayments made before the month next() reports. */
  private paid = 0;
  /** (1 + i)^paid. */
  private grown = 1;

  constructor(input: ExposureInput) {
    this.balance = input.balanceMinor;
    this.undrawnExposure = input.ccf * input.undrawnMinor;
    this.months = input.remainingMonths;
    this.growth = 1 + input.monthlyRate;
    if (input.repayment === 'equal_instalment') this.kind = input.monthlyRate === 0 ? 'straight_line' : 'annuity';
    else if (input.repayment === 'equal_principal') this.kind = 'straight_line';
    // Bullets and revolving lines (minimum payments may be redrawn), and any repayment type we do not know,
    // keep today's balance to the end: the conservative choice, as no amortisation lowers the exposure.
    else this.kind = 'level';
    this.finalGrowth = this.kind === 'annuity' ? Math.pow(this.growth, this.months) : 1;
  }

  /** The exposure at the start of the next month (month 1 on the first call). */
  next(): number {
    const k = this.paid;
    let drawn = this.balance;
    if (this.kind === 'annuity') drawn = (this.balance * (this.finalGrowth - this.grown)) / (this.finalGrowth - 1);
    else if (this.kind === 'straight_line') drawn = (this.balance * (this.months - k)) / this.months;
    this.paid = k + 1;
    this.grown *= this.growth;
    return drawn + this.undrawnExposure;
  }
}

/**
 * Element t − 1 = the exposure at the start of month t, t = 1…remainingMonths. With n remaining months, i the
 * monthly rate and k repayments made: equal instalments B_k = B₀·((1+i)^n − (1+i)^k)/((1+i)^n − 1) (a straight
 * line when i = 0); equal principal B₀·(n − k)/n; any other repayment type B₀.
 */
export function exposureSchedule(input: ExposureInput): Float64Array {
  const runoff = new ExposureRunoff(input);
  const out = new Float64Array(input.remainingMonths);
  for (let t = 0; t < out.length; t++) out[t] = runoff.next();
  return out;
}
