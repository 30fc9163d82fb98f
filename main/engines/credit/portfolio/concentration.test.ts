import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concentrationSchema } from '../../../../preload/contract/credit.ts';
import { concentration } from './concentration.ts';

describe('concentration', () => {
  it('gives shares of outstanding, HHI and the effective number, largest first', () => {
    const result = concentration('region', [
      { key: 'west', loans: 2, outstandingMinor: 200_000 },
      { key: 'north', loans: 5, outstandingMinor: 500_000 },
      { key: 'south', loans: 3, outstandingMinor: 300_000 },
    ]);
    concentrationSchema.parse(result);
    assert.deepEqual(
      result.items.map((item) => [item.key, item.share]),
      [
        ['north', 0.5],
        ['south', 0.3],
        ['west', 0.2],
      ],
    );
    // HHI = 0.5² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04 = 0.38; effective number = 1 / 0.38 = 2.631578…
    assert.ok(Math.abs(result.hhi - 0.38) < 1e-12, String(result.hhi));
    assert.ok(Math.abs(result.effectiveNumber - 1 / 0.38) < 1e-9, String(result.effectiveNumber));
  });

  it('gives HHI 1 for one exposure and 0, 0 when there is nothing outstanding', () => {
    const single = concentration('product', [{ key: 'cash_loan', loans: 1, outstandingMinor: 10 }]);
    assert.equal(single.hhi, 1);
    assert.equal(single.effectiveNumber, 1);
    assert.deepEqual(concentration('industry', []), { dimension: 'industry', hhi: 0, effectiveNumber: 0, items: [] });
    const paidDown = concentration('industry', [{ key: 'retail', loans: 2, outstandingMinor: 0 }]);
    assert.deepEqual([paidDown.hhi, paidDown.effectiveNumber, paidDown.items[0]?.share], [0, 0, 0]);
  });
});
