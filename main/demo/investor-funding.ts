import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import { dayText } from '../engines/calendar.ts';
import type { DemoSink } from './demo-sink.ts';
import { STREAMS, demoRandom } from './random.ts';

/**
 * Retail investors' holdings in the platform's redeemable products, which fund the loan book. Balances are
 * log-normal per product and scaled so that the investors' total is FUNDING_RATIO times the performing loan
 * balance: the platform lends out investor money and keeps the rest liquid.
 */
export const INVESTOR_PRODUCTS = ['mmf_t0', 'notice_7d', 'fixed_90d'] as const;
export type InvestorProduct = (typeof INVESTOR_PRODUCTS)[number];

interface InvestorProductSpec {
  readonly holders: number;
  readonly medianYuan: number;
  readonly sigma: number;
}

const SPECS: Readonly<Record<InvestorProduct, InvestorProductSpec>> = {
  // Money-market fund with same-day redemption: most investors hold a little of it.
  mmf_t0: { holders: 0.85, medianYuan: 6_000, sigma: 1.2 },
  notice_7d: { holders: 0.25, medianYuan: 15_000, sigma: 1.0 },
  fixed_90d: { holders: 0.3, medianYuan: 30_000, sigma: 0.9 },
};

const FUNDING_RATIO = 1.1;

export interface InvestorTotals {
  byProductMinor: Record<InvestorProduct, number>;
  /** fixed_90d balances maturing within the LCR's 30 days, and after it. */
  fixedMaturingWithin30DaysMinor: number;
  fixedMaturingAfter30DaysMinor: number;
}

function investorId(index: number): string {
  return `I${String(index + 1).padStart(7, '0')}`;
}

function expectedYuanPerInvestor(): number {
  let total = 0;
  for (const spec of Object.values(SPECS)) total += spec.holders * spec.medianYuan * Math.exp((spec.sigma * spec.sigma) / 2);
  return total;
}

export class InvestorFundingWriter {
  readonly totals: InvestorTotals = {
    byProductMinor: { mmf_t0: 0, notice_7d: 0, fixed_90d: 0 },
    fixedMaturingWithin30DaysMinor: 0,
    fixedMaturingAfter30DaysMinor: 0,
  };
  private readonly sink: DemoSink;
  private readonly seed: number;
  private readonly asOf: string;
  private readonly scale: number;

  constructor(sink: DemoSink, seed: number, asOfDay: number, investors: number, performingLoansMinor: number) {
    this.sink = sink;
    this.seed = seed;
    this.asOf = dayText(asOfDay);
    this.scale = (FUNDING_RATIO * performingLoansMinor) / 100 / (investors * expectedYuanPerInvestor());
  }

  writeInvestor(index: number): void {
    const random = demoRandom(this.seed, STREAMS.investor, index);
    const held = INVESTOR_PRODUCTS.filter((product) => random.chance(SPECS[product].holders));
    if (held.length === 0) held.push('mmf_t0');
    for (const product of held) {
      const spec = SPECS[product];
      const balanceMinor = Math.max(100, Math.round(random.logNormal(spec.medianYuan, spec.sigma) * this.scale)) * 100;
      this.sink.write('investor_balances', { investor_id: investorId(index), product, balance_minor: balanceMinor, currency: DEFAULT_BASE_CURRENCY, as_of: this.asOf });
      this.totals.byProductMinor[product] += balanceMinor;
      if (product === 'fixed_90d') {
        // Subscriptions arrive evenly, so remaining terms are spread evenly over 1–90 days.
        if (random.int(1, 90) <= 30) this.totals.fixedMaturingWithin30DaysMinor += balanceMinor;
        else this.totals.fixedMaturingAfter30DaysMinor += balanceMinor;
      }
    }
  }
}
