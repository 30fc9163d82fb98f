import type { TFunction } from 'i18next';
import type { StoredBinning, StoredBinRule } from '../../../../preload/contract/credit.ts';
import { codeLabel, type CodeGroup } from '../../components/code-labels.ts';

/**
 * The code group that names each categorical credit feature's levels (main/store/credit-features.ts). id_verified's
 * levels are the words yes and no; a feature not listed (a column of a CSV development) keeps its levels as they are.
 */
const FEATURE_CODE_GROUPS: Readonly<Record<string, CodeGroup>> = {
  employment_type: 'employment',
  home_ownership: 'homeOwnership',
  industry: 'industries',
  region: 'regions',
  product: 'products',
  channel: 'channels',
  collateral_type: 'collateral',
};

function levelLabel(t: TFunction, feature: string, level: string): string {
  if (feature === 'id_verified' && (level === 'yes' || level === 'no')) return t(`common.${level}`);
  const group = FEATURE_CODE_GROUPS[feature];
  return group ? codeLabel(t, group, level) : level;
}

function levelsText(t: TFunction, feature: string, levels: readonly string[]): string {
  return levels.map((level) => levelLabel(t, feature, level)).join(t('credit.binLabels.separator'));
}

/** An interval's open end is null in storage (JSON holds no infinity): written as the engine writes it (binning.ts, intervalLabel). */
function intervalText(lower: number | null, upper: number | null): string {
  return `(${lower === null ? '-inf' : String(lower)}, ${upper === null ? '+inf)' : `${String(upper)}]`}`;
}

/**
 * A bin in the user's language, worded from its rule: levels by their names, the engine's words "missing", "special v"
 * and "(other: …)" translated, intervals with their numbers exactly as the engine writes them. Presentation only: the
 * engine's label stays what is stored, exported and audited.
 */
export function binLabel(t: TFunction, feature: string, rule: StoredBinRule): string {
  switch (rule.kind) {
    case 'interval':
      return intervalText(rule.lower, rule.upper);
    case 'missing':
      return t('credit.binLabels.missing');
    case 'special':
      return t('credit.binLabels.special', { value: String(rule.value) });
    case 'levels':
      return levelsText(t, feature, rule.levels);
    case 'other':
      return rule.levels.length === 0 ? t('credit.binLabels.otherNone') : t('credit.binLabels.other', { levels: levelsText(t, feature, rule.levels) });
  }
}

/**
 * A bin known by its stored label (a report row, an accepted flagged bin) worded from its rule in the feature's
 * binning; where the binning has no bin of that label (none at hand, a model saved with other labels) the stored text.
 */
export function storedBinLabel(t: TFunction, binning: StoredBinning | undefined, label: string): string {
  const bin = binning?.bins.find((candidate) => candidate.label === label);
  return binning && bin ? binLabel(t, binning.name, bin.rule) : label;
}
