import { addMonths, civilDate, dayInMonth, dayNumber, monthOfDay } from '../engines/calendar.ts';
import type { BorrowerProfile } from './borrower-profile.ts';
import type { CollateralType, LoanChannel, LoanProduct, RepaymentType } from '../../preload/contract/loan-vocabulary.ts';
import { type DemoRandom, type WeightedTable, weightedTable } from './random.ts';

/**
 * What a loan is at origination: product, amount, price, term, channel and collateral. The risk-based price
 * (`interest_rate` rises with the borrower's observable risk) mirrors how platforms price, and is why the rate
 * is itself a weak predictor of default.
 */
// The import's codes (loan-vocabulary.ts): the demo draws only what a user's file may hold.
type Product = LoanProduct;
type Channel = LoanChannel;

export interface LoanContract {
  readonly product: Product;
  readonly originationDay: number;
  readonly maturityDay: number;
  /** For a revolving line: the credit limit. */
  readonly principalMinor: number;
  readonly rate: number;
  readonly termMonths: number;
  readonly repayment: RepaymentType;
  readonly channel: Channel;
  readonly collateralType: Exclude<CollateralType, 'none'> | null;
  readonly collateralValueMinor: number | null;
  /** Log-odds shift of the product and channel on monthly missed payments. */
  readonly productRisk: number;
}

/** Lead-generation and telesales channels bring adversely selected applicants; organic app users repay best. */
const CHANNEL_RISK: Readonly<Record<Channel, number>> = {
  app_organic: -0.2,
  app_referral: 0,
  web: 0.05,
  partner_ecommerce: 0.2,
  telemarketing: 0.6,
  offline_agent: 0.3,
};

interface ProductSpec {
  readonly medianPrincipal: number;
  readonly sigma: number;
  readonly minPrincipal: number;
  readonly maxPrincipal: number;
  /** Principal (or limit) as a multiple of annual income at most. */
  readonly incomeMultiple: number;
  readonly baseRate: number;
  readonly minRate: number;
  /** 24 % a year: the ceiling Chinese courts enforce on private lending. */
  readonly maxRate: number;
  readonly terms: WeightedTable<number>;
  readonly channels: WeightedTable<Channel>;
  readonly risk: number;
}

const PRODUCT_SPECS: Readonly<Record<Product, ProductSpec>> = {
  consumer_cash_loan: {
    medianPrincipal: 8_000, sigma: 0.7, minPrincipal: 1_000, maxPrincipal: 200_000, incomeMultiple: 0.5,
    baseRate: 0.15, minRate: 0.072, maxRate: 0.24, risk: 0.3,
    terms: weightedTable([[3, 10], [6, 20], [12, 40], [24, 20], [36, 10]]),
    channels: weightedTable<Channel>([['app_organic', 35], ['app_referral', 15], ['web', 10], ['partner_ecommerce', 15], ['telemarketing', 15], ['offline_agent', 10]]),
  },
  consumer_instalment: {
    medianPrincipal: 3_500, sigma: 0.6, minPrincipal: 300, maxPrincipal: 50_000, incomeMultiple: 0.3,
    baseRate: 0.12, minRate: 0, maxRate: 0.24, risk: -0.2,
    terms: weightedTable([[3, 20], [6, 25], [9, 10], [12, 35], [24, 10]]),
    channels: weightedTable<Channel>([['partner_ecommerce', 60], ['app_organic', 30], ['offline_agent', 10]]),
  },
  sme_working_capital: {
    medianPrincipal: 250_000, sigma: 0.8, minPrincipal: 30_000, maxPrincipal: 5_000_000, incomeMultiple: 3,
    baseRate: 0.11, minRate: 0.06, maxRate: 0.18, risk: 0,
    terms: weightedTable([[6, 15], [12, 45], [24, 25], [36, 15]]),
    channels: weightedTable<Channel>([['app_organic', 40], ['offline_agent', 30], ['partner_ecommerce', 30]]),
  },
  revolving_credit_line: {
    medianPrincipal: 20_000, sigma: 0.6, minPrincipal: 2_000, maxPrincipal: 200_000, incomeMultiple: 0.6,
    baseRate: 0.1825, minRate: 0.1, maxRate: 0.24, risk: 0.1,
    // A three-year facility with annual reviews; demo lines are all younger than that.
    terms: weightedTable([[36, 1]]),
    channels: weightedTable<Channel>([['app_organic', 50], ['app_referral', 20], ['web', 10], ['partner_ecommerce', 20]]),
  },
};

const CONSUMER_PRODUCTS = weightedTable<Product>([['consumer_cash_loan', 45], ['consumer_instalment', 30], ['revolving_credit_line', 25]]);
const BUSINESS_PRODUCTS = weightedTable<Product>([['sme_working_capital', 70], ['consumer_cash_loan', 20], ['revolving_credit_line', 10]]);

/** Loans originate within the last three years, more of them recently (the platform grows ~35 % a year). */
const ORIGINATION_WINDOW_MONTHS = 36;
const MONTHLY_GROWTH = Math.pow(1.35, 1 / 12);
const ORIGINATION_MONTH_TABLE = weightedTable(Array.from({ length: ORIGINATION_WINDOW_MONTHS }, (_, i) => [i + 1, Math.pow(MONTHLY_GROWTH, -i)] as const));

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Draws one loan for a borrower; `monthsAgo` ≥ 1 so that every loan has at least one performance month. */
export function drawLoanContract(random: DemoRandom, borrower: BorrowerProfile, asOfDay: number): LoanContract {
  const product = random.weighted(borrower.isBusiness ? BUSINESS_PRODUCTS : CONSUMER_PRODUCTS);
  const spec = PRODUCT_SPECS[product];
  const monthsSinceRegistration = monthOfDay(asOfDay) - monthOfDay(borrower.registeredDay);
  const monthsAgo = Math.min(random.weighted(ORIGINATION_MONTH_TABLE), Math.max(1, monthsSinceRegistration));
  const originationDay = Math.max(borrower.registeredDay, dayInMonth(monthOfDay(asOfDay) - monthsAgo, random.int(1, 28)));
  const income = borrower.record.annual_income_minor / 100;

  const cap = Math.min(spec.maxPrincipal, Math.max(spec.minPrincipal, income * spec.incomeMultiple));
  const principal = Math.max(spec.minPrincipal, Math.min(cap, roundTo(random.logNormal(spec.medianPrincipal, spec.sigma), 100)));
  const promotional = product === 'consumer_instalment' && random.chance(0.15);
  const rate = promotional ? 0 : Math.min(spec.maxRate, Math.max(spec.minRate, spec.baseRate + 0.03 * borrower.attributeRisk + random.normal(0, 0.015)));
  const termMonths = random.weighted(spec.terms);
  const channel = random.weighted(spec.channels);

  let repayment: RepaymentType = 'equal_instalment';
  if (product === 'consumer_instalment') repayment = 'equal_principal';
  if (product === 'revolving_credit_line') repayment = 'revolving_min_payment';
  if (product === 'sme_working_capital' && random.chance(0.4)) repayment = 'interest_only_bullet';

  let collateralType: LoanContract['collateralType'] = null;
  let collateralValue: number | null = null;
  if (product === 'sme_working_capital') {
    const u = random.float();
    if (u < 0.15) {
      collateralType = 'vehicle';
      collateralValue = roundTo(principal * random.between(0.5, 1.2), 1_000);
    } else if (u < 0.3) {
      collateralType = 'property';
      collateralValue = roundTo(principal * random.between(1.2, 2.5), 10_000);
    }
  }
  // Secured loans lose less and are repaid more reliably: the pledge is an incentive as well as a recovery.
  const collateralRisk = collateralType === 'property' ? -0.4 : collateralType === 'vehicle' ? -0.15 : 0;

  return {
    product,
    originationDay,
    maturityDay: dayNumber(addMonths(civilDate(originationDay), termMonths)),
    principalMinor: principal * 100,
    rate: Math.round(rate * 10_000) / 10_000,
    termMonths,
    repayment,
    channel,
    collateralType,
    collateralValueMinor: collateralValue === null ? null : collateralValue * 100,
    productRisk: spec.risk + CHANNEL_RISK[channel] + collateralRisk,
  };
}
