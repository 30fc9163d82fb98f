import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categoryAxisWidth } from '../renderer/src/components/charts/category-axis.ts';

// A horizontal bar chart's category axis is sized from its widest label; Chinese names take about twice the room of
// Latin letters, so a Chinese bin or feature name is not cut.

describe('categoryAxisWidth', () => {
  it('gives a Chinese label more room than a Latin one of as many characters', () => {
    assert.ok(categoryAxisWidth(['（其他：农业、建筑业）']) > categoryAxisWidth(['(other: a, bc)']));
    assert.ok(categoryAxisWidth(['受薪雇员', '学生']) >= 4 * 11);
  });

  it('keeps a floor for short labels and a ceiling for long ones', () => {
    assert.equal(categoryAxisWidth(['A']), 48);
    assert.equal(categoryAxisWidth(['months_registered_before_origination'.repeat(3)]), 220);
    assert.equal(categoryAxisWidth(['债务收入比'.repeat(10)], 160), 160);
  });
});
