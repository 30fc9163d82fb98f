import type { WeightedLine } from '../../../preload/contract/liquidity.ts';
import { checkMinorDigits, exactFactor, majorUnits } from './exact.ts';

/** One line as the breakdown screens list it: amount × factor = weighted, each figure exact before it becomes a Number. */
export function weighLine(
  line: { lineId: string; category: string; amountMinor: number; description?: string | null },
  factor: number,
  minorDigits: number,
): WeightedLine {
  if (!Number.isSafeInteger(line.amountMinor)) throw new RangeError(`an amount must be a whole number of minor units; got ${line.amountMinor}`);
  const amount = majorUnits(line.amountMinor, checkMinorDigits(minorDigits));
  return {
    line_id: line.lineId,
    category: line.category,
    amount: amount.toNumber(),
    factor,
    weighted: amount.times(exactFactor(factor)).toNumber(),
    description: line.description ?? null,
  };
}
