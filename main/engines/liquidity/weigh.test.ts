import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weightedLineSchema } from '../../../preload/contract/liquidity.ts';
import { weighLine } from './weigh.ts';

describe('weighLine', () => {
  it('gives amount × factor = weighted in major units, exact before the conversion', () => {
    // 0.29 is 28.999… as a double and 0.29 × 0.1 in floats is 0.028999999999999998; exactly it is 0.029.
    const line = weighLine({ lineId: 'L1', category: 'retail_less_stable', amountMinor: 29, description: 'deposits' }, 0.1, 2);
    assert.deepEqual(weightedLineSchema.parse(line), { line_id: 'L1', category: 'retail_less_stable', amount: 0.29, factor: 0.1, weighted: 0.029, description: 'deposits' });
    assert.notEqual(0.29 * 0.1, 0.029, 'the float product differs, so the test can tell');
  });

  it('reads the amount in the currency’s minor unit and gives a missing description as null', () => {
    // JPY (0 digits): 1 234 567 × 0.85 = 1 049 381.95; KWD (3 digits): 1234.567 × 0.85 = 1049.38195
    assert.deepEqual(weighLine({ lineId: 'J', category: 'hqla_l2a', amountMinor: 1_234_567 }, 0.85, 0), {
      line_id: 'J', category: 'hqla_l2a', amount: 1_234_567, factor: 0.85, weighted: 1_049_381.95, description: null,
    });
    assert.equal(weighLine({ lineId: 'K', category: 'hqla_l2a', amountMinor: 1_234_567 }, 0.85, 3).weighted, 1049.38195);
  });
});
