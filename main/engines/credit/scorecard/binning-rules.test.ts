import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeatureBinning } from './binning.ts';
import { binningProblems } from './binning-rules.ts';

const interval = (lower: number, upper: number) => ({ label: `(${lower}, ${upper}]`, rule: { kind: 'interval' as const, lower, upper } });
const numeric = (bins: FeatureBinning['bins']): FeatureBinning => ({ name: 'income', type: 'numeric', bins, specialValues: [] });
const levels = (...names: string[]) => ({ label: names.join(', '), rule: { kind: 'levels' as const, levels: names } });

describe('binning problems', () => {
  it('accepts contiguous intervals from -inf to +inf, with missing and special bins', () => {
    const ok = numeric([interval(-Infinity, 5), interval(5, 10), interval(10, Infinity), { label: 'missing', rule: { kind: 'missing' } }, { label: 'special -1', rule: { kind: 'special', value: -1 } }]);
    assert.deepEqual(binningProblems(ok), []);
  });

  it('names gaps, overlaps, reversed and open-ended intervals', () => {
    assert.deepEqual(binningProblems(numeric([interval(-Infinity, 5), interval(6, Infinity)])), ['interval 2 does not start where interval 1 ends']);
    assert.deepEqual(binningProblems(numeric([interval(-Infinity, 5), interval(3, 2), interval(2, Infinity)])), [
      'interval 2 is empty or reversed',
      'interval 2 does not start where interval 1 ends',
    ]);
    assert.deepEqual(binningProblems(numeric([interval(0, 5), interval(5, 9)])), ['the first interval must start at -inf', 'the last interval must end at +inf']);
    assert.deepEqual(binningProblems(numeric([levels('a')])), ['a numeric feature takes interval, missing and special bins only', 'there is no interval bin']);
  });

  it('refuses a level in two bins, two (other) bins and two missing bins', () => {
    const categorical: FeatureBinning = {
      name: 'region',
      type: 'categorical',
      bins: [
        levels('north', 'south'),
        levels('south'),
        { label: '(other)', rule: { kind: 'other', levels: [] } },
        { label: '(other)', rule: { kind: 'other', levels: ['east'] } },
        { label: 'missing', rule: { kind: 'missing' } },
        { label: 'missing', rule: { kind: 'missing' } },
      ],
      specialValues: [],
    };
    assert.deepEqual(binningProblems(categorical), ['there is more than one (other) bin', 'the level "south" is in two bins', 'there is more than one missing bin']);
  });
});
