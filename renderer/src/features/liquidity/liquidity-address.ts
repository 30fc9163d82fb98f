import { useAddressParams } from '../../components/use-address-params.ts';

export const LIQUIDITY_TABS = ['position', 'lcr', 'nsfr', 'stress', 'montecarlo', 'indicators', 'parameters'] as const;
export type LiquidityTab = (typeof LIQUIDITY_TABS)[number];

/** What the position, ratio and stress tabs are computed for: a date and a parameter set version (null: the defaults). */
export interface PositionBasis {
  readonly asOf: string | null;
  readonly version: number | null;
}

function positiveInteger(text: string | null): number | null {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * The liquidity area's address: `?tab=…`, the basis every computed tab shares (`asOf=2026-11-30`, `version=3`), the
 * scenario shown (`scenario=idiosyncratic_run`) and the simulation shown (`simulation=4`), so that a reload, a link or
 * Back shows the same figures.
 */
export function useLiquidityAddress() {
  const [params, update] = useAddressParams();
  const asOf = params.get('asOf');
  return {
    tab: LIQUIDITY_TABS.find((id) => id === params.get('tab')) ?? 'position',
    basis: { asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null, version: positiveInteger(params.get('version')) } satisfies PositionBasis,
    scenario: params.get('scenario'),
    simulation: positiveInteger(params.get('simulation')),
    update,
  };
}

/** The basis as a call's optional arguments (absent, not undefined: the contract's objects are strict). */
export function basisArgs(basis: PositionBasis): { asOf?: string; version?: number } {
  return { ...(basis.asOf === null ? {} : { asOf: basis.asOf }), ...(basis.version === null ? {} : { version: basis.version }) };
}
