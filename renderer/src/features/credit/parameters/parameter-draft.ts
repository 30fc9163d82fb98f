import type { CreditAlertThresholds, CreditParameters, Grade } from '../../../../../preload/contract/index.ts';
import { isCodeOf, LOAN_CODES } from '../../../../../preload/contract/loan-vocabulary.ts';
import { PERFORMING_DPD_BUCKETS } from '../../../../../preload/contract/vocabulary.ts';

/*
 * A parameter set as the draft form edits it: every number as typed, rates in percent. `readDraft` turns it back
 * into parameters and lists every problem at once, with the field it belongs to, before anything is sent.
 */
export const DPD_MULTIPLIER_BUCKETS = PERFORMING_DPD_BUCKETS;
type MultiplierBucket = (typeof DPD_MULTIPLIER_BUCKETS)[number];

export interface ParametersDraft {
  readonly masterScale: readonly { readonly grade: Grade; readonly maxPd: string }[];
  readonly dpdOddsMultiplier: Readonly<Record<MultiplierBucket, string>>;
  readonly sicrDpd: string;
  readonly sicrPdMultiple: string;
  readonly impairedDpd: string;
  readonly lgdDefault: string;
  /** Empty product or collateral: the rule applies to any. */
  readonly lgdRules: readonly { readonly product: string; readonly collateralType: string; readonly lgd: string }[];
  readonly ccfDefault: string;
  readonly ccfByProduct: readonly { readonly product: string; readonly ccf: string }[];
  readonly fundingCost: string;
  readonly operatingCost: string;
  readonly margin: string;
  /** The alert thresholds: notches, days and the limit are edited; the severities are kept from the base version. */
  readonly alerts: CreditAlertThresholds;
  readonly gradeDropNotches: string;
  readonly dpdThresholdDays: readonly string[];
  readonly exposureLimitMinor: string;
  readonly monitoringScorePsi: string;
  readonly monitoringFeatureCsi: string;
  readonly note: string;
}

/** A problem: the field's id (as used by the form's inputs) and a translation key with its values. */
export interface DraftProblem {
  readonly field: string;
  readonly key: 'percent' | 'ascending' | 'number' | 'integer' | 'order' | 'dpdAscending' | 'required' | 'duplicate' | 'unknownCode';
  readonly values?: Readonly<Record<string, string | number>>;
}

const percentText = (rate: number) => String(Number((rate * 100).toPrecision(10)));

export function toDraft(parameters: CreditParameters): ParametersDraft {
  return {
    masterScale: parameters.masterScale.map((entry) => ({ grade: entry.grade, maxPd: percentText(entry.maxPd) })),
    dpdOddsMultiplier: Object.fromEntries(DPD_MULTIPLIER_BUCKETS.map((bucket) => [bucket, String(parameters.dpdOddsMultiplier[bucket])])) as Record<MultiplierBucket, string>,
    sicrDpd: String(parameters.staging.sicrDpd),
    sicrPdMultiple: String(parameters.staging.sicrPdMultiple),
    impairedDpd: String(parameters.staging.impairedDpd),
    lgdDefault: percentText(parameters.lgd.default),
    lgdRules: parameters.lgd.rules.map((rule) => ({ product: rule.product ?? '', collateralType: rule.collateralType ?? '', lgd: percentText(rule.lgd) })),
    ccfDefault: percentText(parameters.ccf.default),
    ccfByProduct: Object.entries(parameters.ccf.byProduct).map(([product, ccf]) => ({ product, ccf: percentText(ccf) })),
    fundingCost: percentText(parameters.pricing.fundingCost),
    operatingCost: percentText(parameters.pricing.operatingCost),
    margin: percentText(parameters.pricing.margin),
    alerts: parameters.alerts,
    gradeDropNotches: String(parameters.alerts.gradeDrop.notches),
    dpdThresholdDays: parameters.alerts.dpdThresholds.map((threshold) => String(threshold.days)),
    exposureLimitMinor: String(parameters.alerts.borrowerExposure.limitMinor),
    monitoringScorePsi: String(parameters.alerts.monitoring.scorePsi),
    monitoringFeatureCsi: String(parameters.alerts.monitoring.featureCsi),
    note: '',
  };
}

/** Reads the draft's fields one by one, collecting every problem rather than stopping at the first. */
class DraftReader {
  readonly problems: DraftProblem[] = [];

  number(field: string, text: string, min: number, max: number, integer = false): number {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) this.problems.push({ field, key: 'number', values: { min, max } });
    else if (integer && !Number.isInteger(value)) this.problems.push({ field, key: 'integer' });
    return value;
  }

  /** A rate typed in percent (0–100) as a decimal. */
  rate(field: string, text: string): number {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) this.problems.push({ field, key: 'percent' });
    return Number((value / 100).toPrecision(12));
  }

  /** A product or collateral code (empty = any), one loans can have: main refuses any other (a set saved before may hold one). */
  code(field: string, text: string, column: 'product' | 'collateral_type', required: boolean): string | null {
    if (required && text === '') this.problems.push({ field, key: 'required' });
    if (text !== '' && !isCodeOf(LOAN_CODES[column], text)) this.problems.push({ field, key: 'unknownCode' });
    return text === '' ? null : text;
  }
}

export type ReadDraft = { readonly ok: true; readonly parameters: CreditParameters; readonly note: string } | { readonly ok: false; readonly problems: readonly DraftProblem[] };

export function readDraft(draft: ParametersDraft): ReadDraft {
  const read = new DraftReader();
  const masterScale = draft.masterScale.map((entry) => ({ grade: entry.grade, maxPd: read.rate(`masterScale.${entry.grade}`, entry.maxPd) }));
  masterScale.forEach((entry, index) => {
    const previous = masterScale[index - 1];
    if (previous && !(entry.maxPd > previous.maxPd)) read.problems.push({ field: `masterScale.${entry.grade}`, key: 'ascending', values: { grade: entry.grade, previous: previous.grade } });
  });
  const dpdOddsMultiplier = Object.fromEntries(DPD_MULTIPLIER_BUCKETS.map((bucket) => [bucket, read.number(`dpd.${bucket}`, draft.dpdOddsMultiplier[bucket], 0, 100)])) as Record<MultiplierBucket, number>;
  const staging = {
    sicrDpd: read.number('sicrDpd', draft.sicrDpd, 1, 89, true),
    sicrPdMultiple: read.number('sicrPdMultiple', draft.sicrPdMultiple, 1, 100),
    impairedDpd: read.number('impairedDpd', draft.impairedDpd, 30, 365, true),
  };
  if (staging.impairedDpd <= staging.sicrDpd) read.problems.push({ field: 'impairedDpd', key: 'order' });
  const rules = draft.lgdRules.map((rule, index) => ({
    product: read.code(`lgdRules.${index}.product`, rule.product, 'product', false),
    collateralType: read.code(`lgdRules.${index}.collateralType`, rule.collateralType, 'collateral_type', false),
    lgd: read.rate(`lgdRules.${index}.lgd`, rule.lgd),
  }));
  rules.forEach((rule, index) => {
    if (rules.findIndex((other) => other.product === rule.product && other.collateralType === rule.collateralType) !== index) read.problems.push({ field: `lgdRules.${index}.product`, key: 'duplicate' });
  });
  const byProduct: Record<string, number> = {};
  draft.ccfByProduct.forEach((entry, index) => {
    const product = read.code(`ccf.${index}.product`, entry.product, 'product', true);
    const ccf = read.rate(`ccf.${index}.ccf`, entry.ccf);
    if (product === null) return;
    if (product in byProduct) read.problems.push({ field: `ccf.${index}.product`, key: 'duplicate' });
    byProduct[product] = ccf;
  });
  const dpdThresholds = draft.alerts.dpdThresholds.map((threshold, index) => ({ ...threshold, days: read.number(`alertDpd.${index}`, draft.dpdThresholdDays[index] ?? '', 1, 3650, true) }));
  dpdThresholds.forEach((threshold, index) => {
    const previous = dpdThresholds[index - 1];
    if (previous && !(threshold.days > previous.days)) read.problems.push({ field: `alertDpd.${index}`, key: 'dpdAscending' });
  });
  const alerts: CreditAlertThresholds = {
    stageMigration: draft.alerts.stageMigration,
    gradeDrop: { ...draft.alerts.gradeDrop, notches: read.number('gradeDropNotches', draft.gradeDropNotches, 1, 6, true) },
    dpdThresholds,
    borrowerExposure: { ...draft.alerts.borrowerExposure, limitMinor: read.number('exposureLimitMinor', draft.exposureLimitMinor, 1, Number.MAX_SAFE_INTEGER, true) },
    monitoring: {
      ...draft.alerts.monitoring,
      scorePsi: read.number('monitoringScorePsi', draft.monitoringScorePsi, 0.01, 10),
      featureCsi: read.number('monitoringFeatureCsi', draft.monitoringFeatureCsi, 0.01, 10),
    },
  };
  const parameters: CreditParameters = {
    masterScale,
    dpdOddsMultiplier,
    staging,
    lgd: { default: read.rate('lgdDefault', draft.lgdDefault), rules },
    ccf: { default: read.rate('ccfDefault', draft.ccfDefault), byProduct },
    pricing: { fundingCost: read.rate('fundingCost', draft.fundingCost), operatingCost: read.rate('operatingCost', draft.operatingCost), margin: read.rate('margin', draft.margin) },
    alerts,
  };
  const note = draft.note.trim();
  if (note === '') read.problems.push({ field: 'note', key: 'required' });
  return read.problems.length > 0 ? { ok: false, problems: read.problems } : { ok: true, parameters, note };
}
