import assert from 'node:assert/strict';
import { test } from 'node:test';
import { streamGenerator } from './random-streams.ts';

const draws = (seed: number, stream: number, index: number): number[] => {
  const rng = streamGenerator(seed, stream, index);
  return Array.from({ length: 4 }, () => rng.next());
};

test('a stream is its identity: the same (seed, stream, index) gives the same draws, any neighbour others', () => {
  assert.deepEqual(draws(42, 7, 1000), draws(42, 7, 1000));
  const variants = [draws(42, 7, 1000), draws(42, 7, 1001), draws(42, 8, 1000), draws(43, 7, 1000), draws(42 + 2 ** 32, 7, 1000)];
  assert.equal(new Set(variants.map((list) => list.join(','))).size, variants.length);
});

test('the demo draws of its first release are kept (pinned words of seed 1, stream 1, index 0)', () => {
  // Recorded from main/demo/random.ts before the seeding moved here (its hex(32) of demoRandom(1, 1, 0) was
  // 93bdbc94 9be684df 0dbf18a7 1ee021ab, these words as unsigned): the demo's byte-for-byte reproducibility rests on it.
  assert.deepEqual(draws(1, 1, 0), [-1816281964, -1679391521, 230627495, 518005163]);
});
