// Feature selection on WOE features: an IV floor, then a greedy pass in descending IV that drops a feature
// whose WOE column correlates beyond the limit with one already kept (the higher-IV one stays).
import type { FeatureExclusion } from '../../../../preload/contract/credit.ts';

export interface SelectionOptions {
  /** Default 0.02 (below: "useless" per DOMAIN.md). */
  readonly minIv?: number;
  /** Largest |Pearson correlation| allowed between two selected WOE features; default 0.7. */
  readonly maxCorrelation?: number;
}

export interface SelectionCandidate {
  readonly name: string;
  readonly iv: number;
  readonly woe: Float64Array;
}

export interface SelectionDecision {
  readonly name: string;
  readonly selected: boolean;
  /** Why a feature was left out, in English (the command line's words); null when selected. */
  readonly reason: string | null;
  /** The same as figures, for the screens to say in the user's language. */
  readonly exclusion: FeatureExclusion | null;
}

/** The English sentence the command line prints for an exclusion. */
function exclusionSentence(exclusion: FeatureExclusion): string {
  return exclusion.code === 'low_iv'
    ? `IV ${exclusion.iv.toFixed(4)} below ${exclusion.minIv}`
    : `WOE correlation ${exclusion.correlation.toFixed(3)} with ${exclusion.with} (higher IV) beyond ${exclusion.maxCorrelation}`;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] ?? 0;
    mb += b[i] ?? 0;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Decisions in the candidates' order; the selected ones, in descending IV, are the model's feature order. */
export function selectFeatures(candidates: readonly SelectionCandidate[], options: SelectionOptions = {}): { decisions: SelectionDecision[]; order: string[] } {
  const minIv = options.minIv ?? 0.02;
  const maxCorrelation = options.maxCorrelation ?? 0.7;
  const byIv = [...candidates].sort((a, b) => b.iv - a.iv || a.name.localeCompare(b.name));
  const kept: SelectionCandidate[] = [];
  const exclusions = new Map<string, FeatureExclusion | null>();
  for (const candidate of byIv) {
    if (!(candidate.iv >= minIv)) {
      exclusions.set(candidate.name, { code: 'low_iv', iv: candidate.iv, minIv });
      continue;
    }
    const clash = kept.find((other) => Math.abs(pearson(candidate.woe, other.woe)) > maxCorrelation);
    if (clash) {
      exclusions.set(candidate.name, { code: 'correlated', correlation: pearson(candidate.woe, clash.woe), with: clash.name, maxCorrelation });
      continue;
    }
    kept.push(candidate);
    exclusions.set(candidate.name, null);
  }
  return {
    decisions: candidates.map((c) => {
      const exclusion = exclusions.get(c.name) ?? null;
      return { name: c.name, selected: exclusion === null, reason: exclusion && exclusionSentence(exclusion), exclusion };
    }),
    order: kept.map((c) => c.name),
  };
}
