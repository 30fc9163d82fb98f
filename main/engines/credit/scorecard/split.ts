import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A reproducible holdout: a Fisher–Yates shuffle of the row numbers by xoroshiro128+ seeded with `seed`,
 * whose first round(fraction · rows) rows are the holdout. Returns 1 for a holdout row, 0 for a training row.
 */
export function holdoutMask(rows: number, fraction: number, seed: number): Uint8Array {
  const rng = xoroshiro128plus(seed);
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  for (let i = rows - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
  const mask = new Uint8Array(rows);
  const holdout = Math.round(fraction * rows);
  for (let k = 0; k < holdout; k++) mask[order[k] ?? 0] = 1;
  return mask;
}
