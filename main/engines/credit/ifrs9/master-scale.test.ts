import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeOf, masterScaleProblems, type MasterScale } from './master-scale.ts';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';

const scale = TEST_CREDIT_PARAMETERS.masterScale;

describe('gradeOf', () => {
  it('gives a PD exactly at a grade’s maxPd that grade, and anything above it the next', () => {
    assert.deepEqual(
      [0, 0.005, 0.0050001, 0.01, 0.02, 0.04, 0.08, 0.16, 0.1600001, 1].map((pd) => gradeOf(scale, pd)),
      ['A', 'A', 'B', 'B', 'C', 'D', 'E', 'F', 'G', 'G'],
    );
  });
});

describe('masterScaleProblems', () => {
  const withStep = (index: number, maxPd: number): MasterScale => scale.map((step, i) => (i === index ? { ...step, maxPd } : step));

  it('accepts an ascending A…G scale ending at 1', () => {
    assert.deepEqual(masterScaleProblems(scale), []);
  });

  it('rejects a bound that does not rise, a last grade short of 1, and grades out of order', () => {
    // C at 0.01 equals B's bound: C would hold no PD of its own.
    assert.equal(masterScaleProblems(withStep(2, 0.01)).length, 1);
    assert.match(masterScaleProblems(withStep(2, 0.01))[0] ?? '', /Grade C.*above grade B/);
    assert.match(masterScaleProblems(withStep(6, 0.9)).join(' '), /must reach PD 1/);
    const swapped: MasterScale = scale.map((step, i) => (i === 0 ? { ...step, grade: 'B' } : i === 1 ? { ...step, grade: 'A' } : step));
    assert.match(masterScaleProblems(swapped).join(' '), /A, B, C, D, E, F, G in that order; got B, A, C/);
  });
});
