/**
 * The codes a loan file may use and the values a lending risk team would believe: one table that the import
 * checks rows against, the parameter screens offer LGD/CCF codes from, and the README lists (a test keeps the
 * README equal to it). Like vocabulary.ts it imports nothing but data-vocabulary.ts (the borrower code lists), so the
 * demo, the store and the renderer can load it.
 *
 * A new product or collateral type is added here, in one place: the demo, the import, the parameter drafts and
 * the README (with its test) then follow.
 */
import { EMPLOYMENT_TYPES, HOME_OWNERSHIP, INDUSTRIES } from './data-vocabulary.ts';

/** What the platform lends: online consumer credit and small-business working capital (DOMAIN.md). */
export const LOAN_PRODUCTS = ['consumer_cash_loan', 'consumer_instalment', 'sme_working_capital', 'revolving_credit_line'] as const;
export type LoanProduct = (typeof LOAN_PRODUCTS)[number];

/** A loan's state at its last performance month; default is 90+ DPD or declared, written_off and paid_off are closed. */
export const LOAN_STATUSES = ['current', 'delinquent', 'default', 'written_off', 'paid_off'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const REPAYMENT_TYPES = ['equal_instalment', 'equal_principal', 'interest_only_bullet', 'revolving_min_payment'] as const;
export type RepaymentType = (typeof REPAYMENT_TYPES)[number];

/** `none` (or a blank cell) is an unsecured loan; the LGD table keys its secured rules on the other two. */
export const COLLATERAL_TYPES = ['none', 'vehicle', 'property'] as const;
export type CollateralType = (typeof COLLATERAL_TYPES)[number];

export const LOAN_CHANNELS = ['app_organic', 'app_referral', 'web', 'partner_ecommerce', 'telemarketing', 'offline_agent'] as const;
export type LoanChannel = (typeof LOAN_CHANNELS)[number];

/** Every coded column of the credit files, with its codes: what the import accepts and the README lists. */
export const LOAN_CODES = {
  product: LOAN_PRODUCTS,
  status: LOAN_STATUSES,
  repayment_type: REPAYMENT_TYPES,
  collateral_type: COLLATERAL_TYPES,
  channel: LOAN_CHANNELS,
} as const;
export type CodedLoanColumn = keyof typeof LOAN_CODES;

/** Whether a value is one of a coded column's codes (LOAN_CODES, BORROWER_CODES). */
export function isCodeOf<Code extends string>(codes: readonly Code[], value: string): value is Code {
  return (codes as readonly string[]).includes(value);
}

/**
 * A number's hard limits (outside them the value is refused: it cannot be right) and its usual band (outside it
 * the value is imported but reported as a warning, because it is possible but more often a typo).
 */
export interface PlausibleRange {
  readonly min: number;
  /** True when `min` itself is refused (a principal of 0). */
  readonly minExclusive?: boolean;
  readonly max: number;
  readonly usualMax: number;
  readonly unit: string;
  /** Why these limits: said in the README. */
  readonly why: string;
}

export const LOAN_RANGES = {
  interest_rate: {
    min: 0,
    max: 1,
    usualMax: 0.36,
    unit: 'a year, as a decimal (0.05 is 5 %)',
    // A rate of 5 is almost always 5 % typed as a percentage; 100 % a year is past any lawful consumer price.
    why: 'rates are decimals (0.05 is 5 %): a rate above 1 is a percentage typed as a number; above 0.36 is past the 36 % a year beyond which Chinese courts void interest',
  },
  term_months: {
    min: 1,
    max: 600,
    usualMax: 60,
    unit: 'months',
    // 50 years is past any mortgage; online consumer and SME credit rarely runs past five.
    why: 'no loan runs 50 years; online consumer and SME credit rarely runs past 5 years',
  },
  principal: {
    min: 0,
    minExclusive: true,
    max: 1_000_000_000,
    usualMax: 10_000_000,
    unit: 'major units of the loan currency',
    // The demo's largest SME line is 5 million; a billion is a syndicated loan, not this platform's book.
    why: 'a billion is a syndicated loan, not an online one; above 10 million is unusual for SME lending',
  },
} as const satisfies Record<string, PlausibleRange>;

/**
 * Origination dates: online lending in China starts in the late 2000s, so anything before 1990 is a placeholder
 * (1900-01-01) or a typo; a loan cannot originate after the day it is imported. Older than 15 years is possible
 * (a long mortgage-like SME line) but unusual.
 */
export const ORIGINATION_DATES = { earliest: '1990-01-01', usualYearsBack: 15 } as const;

// ── Borrower files ───────────────────────────────────────────────────────────────────────────────────────
// The borrower attributes a scorecard bins by category: a code spelt two ways would be two categories with half
// the evidence each, so these are codes too (the demo draws from them). Other borrower text (occupation, region)
// stays free text: no list of them is fixed anywhere, and nothing groups by their spelling.


/** Every coded column of the borrowers file, with its codes: what the import accepts and the README lists. */
export const BORROWER_CODES = {
  employment_type: EMPLOYMENT_TYPES,
  industry: INDUSTRIES,
  home_ownership: HOME_OWNERSHIP,
} as const;

