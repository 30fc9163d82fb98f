import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distinctColors, distinctHsl } from '../renderer/src/components/charts/distinct-colors.ts';
import { inSeriesOrder } from '../renderer/src/components/charts/legend-order.ts';

// The shared chart helpers: colours a reader can tell apart, and legends in the order the screen lists its series.

/** The shorter way round the colour wheel between two hues, in degrees. */
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('distinctColors', () => {
  it('starts at blue and steps five twelfths of the wheel: 214°, 214 + 150 = 364 → 4°, 4 + 150 = 154°', () => {
    assert.deepEqual(
      distinctHsl(3, 'light').map((color) => color.hue),
      [214, 4, 154],
    );
    assert.deepEqual(distinctColors(2, 'light'), ['hsl(214 68% 44%)', 'hsl(4 68% 44%)']);
  });

  it('gives up to 36 series pairwise different colours: 30° of hue apart, or 14 points of lightness', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const count of [1, 2, 5, 12, 13, 24, 36]) {
        const colors = distinctHsl(count, theme);
        assert.equal(new Set(distinctColors(count, theme)).size, count, `${count} ${theme} colours are all different`);
        colors.forEach((a, i) =>
          colors.slice(i + 1).forEach((b, j) => {
            const apart = hueGap(a.hue, b.hue) >= 30 || Math.abs(a.lightness - b.lightness) >= 14;
            assert.ok(apart, `series ${i} and ${i + 1 + j} of ${count} (${theme}) look alike: ${JSON.stringify([a, b])}`);
          }),
        );
      }
    }
  });

  it('puts neighbouring series 150° apart in hue, even across a change of lightness (12th to 13th)', () => {
    const colors = distinctHsl(20, 'dark');
    colors.slice(1).forEach((color, i) => assert.equal(hueGap(color.hue, colors[i]?.hue ?? 0), 150));
    // The 13th series (index 12) reuses the first's hue (12 × 5 = 60 ≡ 0 mod 12), darker: 62 → 46.
    assert.equal(colors[12]?.hue, colors[0]?.hue);
    assert.deepEqual([colors[0]?.lightness, colors[12]?.lightness], [62, 46]);
  });
});

describe('inSeriesOrder', () => {
  it('sorts legend items into the order of their series, unknown ones last', () => {
    const order = inSeriesOrder(['b-model', 'a-model']);
    const items = [{ dataKey: 'a-model' }, { dataKey: 'other' }, { dataKey: 'b-model' }];
    assert.deepEqual(
      [...items].sort((x, y) => order(x) - order(y)).map((item) => item.dataKey),
      ['b-model', 'a-model', 'other'],
    );
  });

  it('tells lines that share a dataKey apart by their names', () => {
    const order = inSeriesOrder(['Train', 'Holdout', 'Chance']);
    const items = [{ dataKey: 'y', value: 'Chance' }, { dataKey: 'y', value: 'Holdout' }, { dataKey: 'y', value: 'Train' }];
    assert.deepEqual(
      [...items].sort((x, y) => order(x) - order(y)).map((item) => item.value),
      ['Train', 'Holdout', 'Chance'],
    );
  });
});
