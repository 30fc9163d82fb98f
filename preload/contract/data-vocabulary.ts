/**
 * The codes the borrower and transaction files use that the app knows by name (DOMAIN.md's CSV formats): what the
 * demo generates and the screens translate. The import refuses other employment, industry and home-ownership codes
 * (loan-vocabulary.ts's BORROWER_CODES: a scorecard bins by them); transaction types and channels stay open sets, so a
 * screen shows an unknown one made readable.
 * Like vocabulary.ts it imports nothing, so the demo and the renderer can load it.
 */

export const EMPLOYMENT_TYPES = ['salaried', 'self_employed', 'business_owner', 'gig_worker', 'civil_servant', 'student', 'retired', 'unemployed'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const INDUSTRIES = [
  'manufacturing',
  'retail',
  'information_technology',
  'construction',
  'logistics',
  'education',
  'healthcare',
  'finance',
  'hospitality',
  'agriculture',
  'transport',
  'public_administration',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const HOME_OWNERSHIP = ['own_mortgage', 'own_outright', 'rent', 'family', 'company_housing'] as const;
export type HomeOwnership = (typeof HOME_OWNERSHIP)[number];

export const TRANSACTION_TYPES = ['wallet_payment', 'card_purchase', 'p2p_transfer', 'top_up', 'withdrawal', 'bill_payment', 'loan_repayment'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_CHANNELS = ['qr', 'pos', 'ecommerce', 'app'] as const;
export type TransactionChannel = (typeof TRANSACTION_CHANNELS)[number];
