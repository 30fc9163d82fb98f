import type { TFunction } from 'i18next';
import type { AlertSeverity } from '../../../../../preload/contract/alerts.ts';
import {
  LCR_CATEGORIES,
  liquidityParametersSchema,
  NSFR_ASF_CATEGORIES,
  NSFR_RSF_CATEGORIES,
  type IndicatorThresholds,
  type LcrCategory,
  type LiquidityParameters,
  type MonteCarloSettings,
} from '../../../../../preload/contract/liquidity.ts';
import { schemaProblems } from '../../../components/field-problems.ts';

/*
 * A liquidity parameter set as the draft form edits it: every number as typed (factors as decimals, 0.05, like the
 * Basel tables), the scenario's extra haircuts flattened into its row. Field ids are the schema's paths
 * (`lcr.factors.hqla_l2a`, `scenarios.0.horizonDays`), so that the form's own check and main's refusal both land on
 * the field they are about.
 */
type Texts<K extends string> = Readonly<Record<K, string>>;

export const PRODUCT_COLUMNS = ['product', 'noticeDays', 'termDays'] as const;
export type ProductRow = Texts<(typeof PRODUCT_COLUMNS)[number]>;

export const SCENARIO_COLUMNS = [
  'name',
  'description',
  'horizonDays',
  'redemptionMultiplier',
  'subscriptionFactor',
  'wholesaleRollover',
  'haircutL1',
  'haircutL2a',
  'haircutL2b',
  'inflowDelayDays',
  'inflowFactor',
  'drawdownFactor',
] as const;
export type ScenarioColumn = (typeof SCENARIO_COLUMNS)[number];
export type ScenarioRow = Texts<ScenarioColumn>;

export const MONTE_CARLO_FIELDS = ['paths', 'days', 'blockDays', 'outflowMultiplier', 'subscriptionFactor', 'historyDays'] as const satisfies readonly (keyof MonteCarloSettings)[];

export const INDICATORS = ['netOutflowZ', 'top10Share', 'lcrFloor', 'survivalDays', 'productConcentration'] as const satisfies readonly (keyof IndicatorThresholds)[];
export type IndicatorKey = (typeof INDICATORS)[number];

export interface IndicatorDraft {
  readonly threshold: string;
  readonly severity: AlertSeverity;
  /** netOutflowZ's history window. */
  readonly historyDays?: string;
  /** survivalDays's scenario. */
  readonly scenario?: string;
}

export interface LiquidityDraft {
  readonly lcr: Texts<LcrCategory>;
  readonly asf: Texts<(typeof NSFR_ASF_CATEGORIES)[number]>;
  readonly rsf: Texts<(typeof NSFR_RSF_CATEGORIES)[number]>;
  readonly products: readonly ProductRow[];
  readonly scenarios: readonly ScenarioRow[];
  readonly monteCarlo: Texts<(typeof MONTE_CARLO_FIELDS)[number]>;
  readonly indicators: Readonly<Record<IndicatorKey, IndicatorDraft>>;
  readonly note: string;
}

export const BLANK_PRODUCT: ProductRow = { product: '', noticeDays: '0', termDays: '' };
export const BLANK_SCENARIO: ScenarioRow = {
  name: '',
  description: '',
  horizonDays: '90',
  redemptionMultiplier: '1',
  subscriptionFactor: '1',
  wholesaleRollover: '1',
  haircutL1: '0',
  haircutL2a: '0',
  haircutL2b: '0',
  inflowDelayDays: '0',
  inflowFactor: '1',
  drawdownFactor: '1',
};

const texts = <K extends string>(keys: readonly K[], values: Readonly<Record<K, number>>): Texts<K> => Object.fromEntries(keys.map((key) => [key, String(values[key])])) as Texts<K>;

export function toLiquidityDraft(parameters: LiquidityParameters): LiquidityDraft {
  const { indicators } = parameters;
  return {
    lcr: texts(LCR_CATEGORIES, parameters.lcr.factors),
    asf: texts(NSFR_ASF_CATEGORIES, parameters.nsfr.asf),
    rsf: texts(NSFR_RSF_CATEGORIES, parameters.nsfr.rsf),
    products: parameters.products.map((p) => ({ product: p.product, noticeDays: String(p.noticeDays), termDays: p.termDays === null ? '' : String(p.termDays) })),
    scenarios: parameters.scenarios.map((s) => ({
      name: s.name,
      description: s.description,
      horizonDays: String(s.horizonDays),
      redemptionMultiplier: String(s.redemptionMultiplier),
      subscriptionFactor: String(s.subscriptionFactor),
      wholesaleRollover: String(s.wholesaleRollover),
      haircutL1: String(s.extraHaircut.l1),
      haircutL2a: String(s.extraHaircut.l2a),
      haircutL2b: String(s.extraHaircut.l2b),
      inflowDelayDays: String(s.inflowDelayDays),
      inflowFactor: String(s.inflowFactor),
      drawdownFactor: String(s.drawdownFactor),
    })),
    monteCarlo: texts(MONTE_CARLO_FIELDS, parameters.monteCarlo),
    indicators: {
      netOutflowZ: { threshold: String(indicators.netOutflowZ.threshold), severity: indicators.netOutflowZ.severity, historyDays: String(indicators.netOutflowZ.historyDays) },
      top10Share: { threshold: String(indicators.top10Share.threshold), severity: indicators.top10Share.severity },
      lcrFloor: { threshold: String(indicators.lcrFloor.threshold), severity: indicators.lcrFloor.severity },
      survivalDays: { threshold: String(indicators.survivalDays.threshold), severity: indicators.survivalDays.severity, scenario: indicators.survivalDays.scenario },
      productConcentration: { threshold: String(indicators.productConcentration.threshold), severity: indicators.productConcentration.severity },
    },
    note: '',
  };
}

/** A typed number; empty or not a number is NaN, which the schema refuses as "a number is required". */
function num(text: string | undefined): number {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

const numbers = <K extends string>(keys: readonly K[], values: Texts<K>): Record<K, number> => Object.fromEntries(keys.map((key) => [key, num(values[key])])) as Record<K, number>;

/** The draft as parameters, unchecked (the schema checks them). */
function toParameters(draft: LiquidityDraft): LiquidityParameters {
  const { indicators: i } = draft;
  const threshold = (key: IndicatorKey) => ({ threshold: num(i[key].threshold), severity: i[key].severity });
  return {
    lcr: { factors: numbers(LCR_CATEGORIES, draft.lcr) },
    nsfr: { asf: numbers(NSFR_ASF_CATEGORIES, draft.asf), rsf: numbers(NSFR_RSF_CATEGORIES, draft.rsf) },
    products: draft.products.map((p) => ({ product: p.product.trim(), noticeDays: num(p.noticeDays), termDays: p.termDays.trim() === '' ? null : num(p.termDays) })),
    scenarios: draft.scenarios.map((s) => ({
      name: s.name.trim(),
      description: s.description.trim(),
      horizonDays: num(s.horizonDays),
      redemptionMultiplier: num(s.redemptionMultiplier),
      subscriptionFactor: num(s.subscriptionFactor),
      wholesaleRollover: num(s.wholesaleRollover),
      extraHaircut: { l1: num(s.haircutL1), l2a: num(s.haircutL2a), l2b: num(s.haircutL2b) },
      inflowDelayDays: num(s.inflowDelayDays),
      inflowFactor: num(s.inflowFactor),
      drawdownFactor: num(s.drawdownFactor),
    })),
    monteCarlo: numbers(MONTE_CARLO_FIELDS, draft.monteCarlo),
    indicators: {
      netOutflowZ: { ...threshold('netOutflowZ'), historyDays: num(i.netOutflowZ.historyDays) },
      top10Share: threshold('top10Share'),
      lcrFloor: threshold('lcrFloor'),
      survivalDays: { ...threshold('survivalDays'), scenario: i.survivalDays.scenario ?? '' },
      productConcentration: threshold('productConcentration'),
    },
  };
}

/** A schema path as the form's field id: a scenario's extra haircut sits in its row as haircutL1…L2b. */
export function draftField(path: string): string {
  return path.replace(/^(scenarios\.\d+)\.extraHaircut\.(l1|l2a|l2b)$/, (_, row: string, level: string) => `${row}.haircut${level.toUpperCase().replace('L2A', 'L2a').replace('L2B', 'L2b')}`);
}

export type ReadLiquidityDraft = { readonly ok: true; readonly parameters: LiquidityParameters; readonly note: string } | { readonly ok: false; readonly problems: ReadonlyMap<string, string> };

/** Checks the draft with the contract's own schema, every problem at once and each at its field. */
export function readLiquidityDraft(t: TFunction, draft: LiquidityDraft): ReadLiquidityDraft {
  const parsed = liquidityParametersSchema.safeParse(toParameters(draft));
  const problems = new Map<string, string>();
  if (!parsed.success) for (const [path, message] of schemaProblems(t, parsed.error.issues)) problems.set(draftField(path), message);
  const note = draft.note.trim();
  if (note === '') problems.set('note', t('fieldProblems.required'));
  return parsed.success && problems.size === 0 ? { ok: true, parameters: parsed.data, note } : { ok: false, problems };
}
