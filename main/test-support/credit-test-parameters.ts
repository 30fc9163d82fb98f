// A complete parameter set for the engine's tests. Not a default: a workspace's version 1 parameter set is seeded
// from resources/parameter-sets/ (services/shipped-defaults.ts), and every run records the version it used.
import type { CreditParameters } from '../../preload/contract/credit.ts';

export const TEST_CREDIT_PARAMETERS: CreditParameters = {
  masterScale: [
    { grade: 'A', maxPd: 0.005 },
    { grade: 'B', maxPd: 0.01 },
    { grade: 'C', maxPd: 0.02 },
    { grade: 'D', maxPd: 0.04 },
    { grade: 'E', maxPd: 0.08 },
    { grade: 'F', maxPd: 0.16 },
    { grade: 'G', maxPd: 1 },
  ],
  dpdOddsMultiplier: { current: 1, '1-29': 3, '30-59': 6, '60-89': 10 },
  staging: { sicrDpd: 30, sicrPdMultiple: 2.5, impairedDpd: 90 },
  lgd: {
    default: 0.65,
    rules: [
      { product: null, collateralType: 'property', lgd: 0.25 },
      { product: null, collateralType: 'vehicle', lgd: 0.4 },
      { product: 'sme_working_capital', collateralType: null, lgd: 0.55 },
      { product: 'consumer_instalment', collateralType: null, lgd: 0.7 },
    ],
  },
  ccf: { default: 0.75, byProduct: { revolving_credit_line: 0.5 } },
  pricing: { fundingCost: 0.045, operatingCost: 0.03, margin: 0.02 },
  alerts: {
    stageMigration: { stage2: 'medium', stage3: 'high' },
    gradeDrop: { notches: 2, severity: 'medium' },
    dpdThresholds: [
      { days: 30, severity: 'low' },
      { days: 60, severity: 'medium' },
      { days: 90, severity: 'high' },
    ],
    borrowerExposure: { limitMinor: 200_000_000, severity: 'high' },
    monitoring: { scorePsi: 0.25, featureCsi: 0.25, severity: 'high' },
  },
};
