import type { ReactNode } from 'react';
import type { Tone } from './credit-codes.ts';

/** A band (IV, PSI/CSI) as a small coloured label. */
export function ToneBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge tone tone-${tone}`} title={title}>
      {children}
    </span>
  );
}
