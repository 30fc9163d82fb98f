import type { DevelopmentOptions } from '../../../../../preload/contract/index.ts';

/** The options form as typed: percentages where a person thinks in percent, decimals where the literature does. */
export interface OptionsDraft {
  readonly holdoutPercent: string;
  readonly seed: string;
  readonly minBinSharePercent: string;
  readonly monotonic: boolean;
  readonly ivThreshold: string;
  readonly maxCorrelation: string;
  readonly pValueThreshold: string;
  /** The score scale (DOMAIN.md § Credit, Points). */
  readonly pdo: string;
  readonly baseScore: string;
  readonly baseOdds: string;
  readonly roundPoints: boolean;
  readonly exclude: readonly string[];
}

export type NumericOption = 'holdoutPercent' | 'seed' | 'minBinSharePercent' | 'ivThreshold' | 'maxCorrelation' | 'pValueThreshold' | 'pdo' | 'baseScore' | 'baseOdds';

/** The contract's defaults (developmentOptionsSchema), in the form's units. */
export const DEFAULT_DRAFT: OptionsDraft = {
  holdoutPercent: '30',
  seed: '1',
  minBinSharePercent: '5',
  monotonic: true,
  ivThreshold: '0.02',
  maxCorrelation: '0.7',
  pValueThreshold: '0.05',
  pdo: '20',
  baseScore: '600',
  baseOdds: '50',
  roundPoints: false,
  exclude: [],
};

/** The contract's bounds; `open` bounds exclude the value itself. */
const BOUNDS: Readonly<Record<NumericOption, { min: number; max: number; openMin?: boolean; openMax?: boolean; integer?: boolean }>> = {
  holdoutPercent: { min: 0, max: 90 },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  minBinSharePercent: { min: 0, max: 50, openMin: true, openMax: true },
  ivThreshold: { min: 0, max: 1 },
  maxCorrelation: { min: 0, max: 1, openMin: true },
  pValueThreshold: { min: 0, max: 1, openMin: true, openMax: true },
  pdo: { min: 0, max: 1000, openMin: true },
  baseScore: { min: -1e6, max: 1e6 },
  baseOdds: { min: 0, max: 1e6, openMin: true },
};

function inBounds(field: NumericOption, text: string): number | null {
  const bounds = BOUNDS[field];
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return null;
  if (bounds.integer && !Number.isInteger(value)) return null;
  if (bounds.openMin ? value <= bounds.min : value < bounds.min) return null;
  if (bounds.openMax ? value >= bounds.max : value > bounds.max) return null;
  return value;
}

/** Percent typed as 12.5 → 0.125, without the float noise of a plain division. */
function fromPercent(value: number): number {
  return Number((value / 100).toPrecision(12));
}

export type ParsedOptions = { readonly ok: true; readonly options: DevelopmentOptions } | { readonly ok: false; readonly invalid: readonly NumericOption[] };

/** The draft as development options (no hand-edited bins: those come from a refit), or the fields out of range. */
export function parseOptions(draft: OptionsDraft): ParsedOptions {
  const fields = Object.keys(BOUNDS) as NumericOption[];
  const values = Object.fromEntries(fields.map((field) => [field, inBounds(field, draft[field])])) as Record<NumericOption, number | null>;
  const invalid = fields.filter((field) => values[field] === null);
  const { holdoutPercent, seed, minBinSharePercent, ivThreshold, maxCorrelation, pValueThreshold, pdo, baseScore, baseOdds } = values;
  if (
    holdoutPercent === null ||
    seed === null ||
    minBinSharePercent === null ||
    ivThreshold === null ||
    maxCorrelation === null ||
    pValueThreshold === null ||
    pdo === null ||
    baseScore === null ||
    baseOdds === null
  ) {
    return { ok: false, invalid };
  }
  return {
    ok: true,
    options: {
      holdoutFraction: fromPercent(holdoutPercent),
      seed,
      minBinShare: fromPercent(minBinSharePercent),
      monotonic: draft.monotonic,
      ivThreshold,
      maxCorrelation,
      exclude: [...draft.exclude],
      binnings: [],
      pValueThreshold,
      scaling: { pdo, base_score: baseScore, base_odds: baseOdds, ...(draft.roundPoints ? { round_points: true } : {}) },
    },
  };
}
