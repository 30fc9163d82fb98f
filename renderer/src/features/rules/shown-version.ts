import type { RuleSetVersion } from '../../../../preload/contract/fraud-rules.ts';

/** The version a Rules tab shows: the one the address names, else the active one, else the newest. */
export function shownVersion(versions: readonly RuleSetVersion[], version: number | null): RuleSetVersion | undefined {
  return versions.find((row) => row.version === version) ?? versions.find((row) => row.status === 'active') ?? versions[0];
}
