import type { ReactNode } from 'react';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import type { LiquidityPosition } from '../../../../../preload/contract/liquidity.ts';
import { basisArgs, type LiquidityTab, type PositionBasis } from '../liquidity-address.ts';
import { LadderView } from './LadderView.tsx';
import { LcrView } from './LcrView.tsx';
import { NsfrView } from './NsfrView.tsx';

interface Props {
  readonly tab: LiquidityTab;
  readonly basis: PositionBasis;
  readonly controls: (computed: { asOf: string; parameterVersion: number; lines: number } | undefined) => ReactNode;
}

/** The tabs computed from one position (ladder, LCR, NSFR): read once per basis, shown as the tab asks. */
export function PositionTabs({ tab, basis, controls }: Props) {
  const position = useCall(() => api.call('liquidity.position', basisArgs(basis)), [basis.asOf, basis.version]);
  const data: LiquidityPosition | null = position.data;
  return (
    <div className="credit-stack">
      {controls(data ?? undefined)}
      <ErrorNotice error={position.error} />
      {data && tab === 'position' && <LadderView position={data} />}
      {data && tab === 'lcr' && <LcrView position={data} basis={basis} />}
      {data && tab === 'nsfr' && <NsfrView position={data} basis={basis} />}
    </div>
  );
}
