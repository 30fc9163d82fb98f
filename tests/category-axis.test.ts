import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categoryAxisWidth } from '../renderer/src/components/charts/category-axis.ts';

// A horizontal bar chart's category axis is sized from its widest label; Chinese names take about twice the room of
// Latin letters, so a Chinese bin or feature name is not cut.

describe('categoryAxisWidth', () => {
  it('gives a Chinese label more room than a Latin one of as many characters', () => {
    assert.ok(categoryAxisWidth(['（其他：农业、建筑业）']) > categoryAxisWidth(['(other: a, bc)']));
    // Eight Han characters at a full 11 px em each, past the 48 px floor (Latin letters of as many would get 62 px).
    assert.ok(categoryAxisWidth(['学生', '受薪雇员受薪雇员']) >= 8 * 11);
    assert.ok(categoryAxisWidth(['受薪雇员受薪雇员']) > categoryAxisWidth(['salaried']) + 30);
  });

  it('keeps a floor for short labels and a ceiling for long ones', () => {
    assert.equal(categoryAxisWidth(['A']), 48);
    assert.equal(categoryAxisWidth(['months_registered_before_origination'.repeat(3)]), 220);
    assert.equal(categoryAxisWidth(['债务收入比'.repeat(10)], 160), 160);
  });
});
