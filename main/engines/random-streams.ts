import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Independent random streams, one per (seed, stream, index): whoever draws for entity `index` (a demo borrower, a
 * Monte Carlo path) gets the same numbers whatever else was drawn before, in which batch, on which worker. That is
 * what makes a demo reproducible byte for byte and a simulation's result independent of how its paths are split.
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the output, so neighbouring indices get unrelated states. */
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function stateWord(words: readonly number[], lane: number): number {
  let h = fmix32(0x9e3779b9 ^ lane);
  for (const word of words) h = fmix32(h ^ fmix32(word + Math.imul(lane + 1, 0x7f4a7c15)));
  return h;
}

/**
 * A xoroshiro128+ generator seeded from the stream's identity (pure-rand's own seeding takes a single 32-bit number).
 * `seed` may be any non-negative integer up to 2^53; `stream` and `index` are taken as unsigned 32-bit integers.
 */
export function streamGenerator(seed: number, stream: number, index: number): RandomGenerator {
  const words = [seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0, stream, index >>> 0];
  const state: number[] = [0, 1, 2, 3].map((lane) => stateWord(words, lane));
  if (!state.some((word) => word !== 0)) state[0] = 1; // the all-zero state is xoroshiro's only fixed point
  return xoroshiro128plusFromState(state);
}
